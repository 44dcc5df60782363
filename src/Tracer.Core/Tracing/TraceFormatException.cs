namespace Tracer.Tracing;

/// <summary>A trace file that cannot be read: names the file and what is wrong with it.</summary>
public sealed class TraceFormatException(string file, string problem)
    : TracerException($"{problem}", file, "pass a trace.json written by 'tracer trace'")
{
    public string File { get; } = file;
}
