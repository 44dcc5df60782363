namespace Tracer.Tracing.Strace;

/// <summary>What the parser cannot learn from the log itself.</summary>
public sealed record StraceParserOptions
{
    /// <summary>Working directory of the first traced process, when known (the image's
    /// WorkingDir, or "/"). With -y strace prints it on every *at call anyway.</summary>
    public string? InitialCwd { get; init; }

    /// <summary>The gate's pid: its accesses, and its child's before the first execve, do not
    /// count (they are the gate's FIFO handshake, not the function).</summary>
    public int? GatePid { get; init; }

    /// <summary>Finds the interpreter named by a script's "#!" line; strace shows only the
    /// execve of the script. Returns null when the path is no script or cannot be read.</summary>
    public Func<string, string?>? ShebangInterpreter { get; init; }
}
