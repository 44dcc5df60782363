namespace Tracer.Cli;

/// <summary>Maps library error categories to exit codes.</summary>
public static class ExitCodes
{
    public static ExitCode For(ErrorCategory category) => category switch
    {
        ErrorCategory.Usage => ExitCode.Usage,
        ErrorCategory.Environment => ExitCode.Environment,
        ErrorCategory.FunctionFailed => ExitCode.FunctionFailed,
        ErrorCategory.VerificationFailed => ExitCode.VerificationFailed,
        ErrorCategory.TraceIncomplete => ExitCode.TraceIncomplete,
        ErrorCategory.Timeout => ExitCode.Timeout,
        _ => ExitCode.InternalError,
    };
}
