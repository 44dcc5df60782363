namespace Tracer.Cli;

/// <summary>The documented exit codes of every tracer command (README: "Exit codes").</summary>
public enum ExitCode
{
    /// <summary>Done; for slim and verify: the minimal image is verified.</summary>
    Ok = 0,
    /// <summary>The minimal image did not pass the probes the original passed.</summary>
    VerificationFailed = 1,
    /// <summary>Bad arguments, malformed spec or trace, unknown image.</summary>
    Usage = 2,
    /// <summary>The function or a probe failed on the original image: nothing was built (trace: the
    /// traced command exited non-zero; its trace is still written).</summary>
    FunctionFailed = 3,
    /// <summary>The machine lacks something: not root, daemon down, no fanotify, no strace.</summary>
    Environment = 4,
    /// <summary>The trace is incomplete (event queue overflow): nothing was built from it.</summary>
    TraceIncomplete = 5,
    /// <summary>The run or a probe took longer than allowed.</summary>
    Timeout = 6,
    /// <summary>A bug: an unexpected exception, always printed with its stack trace.</summary>
    InternalError = 70,
    /// <summary>Interrupted by SIGINT (Ctrl-C); containers were removed.</summary>
    Interrupted = 130,
    /// <summary>Terminated by SIGTERM; containers were removed.</summary>
    Terminated = 143,
}
