namespace Tracer;

/// <summary>Why a command failed; the CLI turns each into a documented exit code.</summary>
public enum ErrorCategory
{
    /// <summary>Bad arguments, malformed spec or trace, unknown image.</summary>
    Usage,
    /// <summary>The machine lacks something: not root, no daemon, no fanotify, no strace.</summary>
    Environment,
    /// <summary>The traced function or a probe failed on the original image.</summary>
    FunctionFailed,
    /// <summary>The minimal image did not pass verification.</summary>
    VerificationFailed,
    /// <summary>The trace is incomplete (queue overflow, lost events): nothing may be built from it.</summary>
    TraceIncomplete,
    /// <summary>A run took longer than allowed.</summary>
    Timeout,
}
