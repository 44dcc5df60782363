namespace Tracer;

/// <summary>
/// An error the user can act on. The CLI prints it as one line,
/// <c>error: &lt;what&gt;: '&lt;value&gt;': &lt;reason&gt;. &lt;hint&gt;</c>, and maps
/// <see cref="Category"/> to an exit code.
/// </summary>
public class TracerException(string what, string? value, string? hint,
    ErrorCategory category = ErrorCategory.Usage, Exception? inner = null)
    : Exception(what, inner)
{
    public string What { get; } = what;
    public string? Value { get; } = value;
    public string? Hint { get; } = hint;
    public ErrorCategory Category { get; } = category;

    /// <summary>Why, when it is not in <see cref="What"/>: printed after the value.</summary>
    public string? Reason { get; init; }
}
