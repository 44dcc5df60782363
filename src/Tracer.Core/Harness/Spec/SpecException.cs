namespace Tracer.Harness.Spec;

/// <summary>
/// A function spec the user must fix. Printed as
/// <c>error: FILE:LINE:COLUMN: &lt;problem&gt;: '&lt;value&gt;'. &lt;hint&gt;</c>.
/// </summary>
public sealed class SpecException(string file, int line, int column, string problem, string? value,
    string? hint)
    : TracerException($"{file}:{line}:{column}: {problem}", value, hint, ErrorCategory.Usage)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
