using Tracer.Reporting;

namespace Tracer.Harness;

/// <summary>The end of a slim run: the report, where it was written, and the probe that failed on the original.</summary>
public sealed record SlimResult(SlimReport Report, string OutputDirectory, ProbeResult? FailedOnOriginal)
{
    public ErrorCategory? Failure => FailedOnOriginal is { } failed
        ? failed.TimedOut ? ErrorCategory.Timeout : ErrorCategory.FunctionFailed
        : Report.Verified ? null : ErrorCategory.VerificationFailed;
}
