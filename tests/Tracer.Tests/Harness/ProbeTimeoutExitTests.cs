using Tracer.Cli;
using Tracer.Cli.Commands;
using Tracer.Harness;
using Tracer.Harness.Spec;

namespace Tracer.Tests.Harness;

/// <summary>A probe that ran out of time on the original is exit 6 (timeout), named; one that
/// failed is exit 3.</summary>
public sealed class ProbeTimeoutExitTests
{
    private static readonly Probe Slow = new() { Name = "slow", Kind = ProbeKind.Run, Expect = new ProbeExpectation() };

    [Fact]
    public void FailedOnOriginal_ProbeTimedOut_TimeoutNamingTheProbe()
    {
        var e = SlimCommand.FailedOnOriginal(ProbeResult.Late(Slow, "timed out after 60 s", 60));
        Assert.Equal(ExitCode.Timeout, ExitCodes.For(e.Category));
        Assert.StartsWith("error: probe timed out on the original image: 'slow'.", ErrorPrinter.Format(e),
            StringComparison.Ordinal);
    }

    [Fact]
    public void FailedOnOriginal_ProbeFailed_FunctionFailed()
    {
        var e = SlimCommand.FailedOnOriginal(ProbeResult.Broken(Slow, "expected exit 0, got 1", 1));
        Assert.Equal(ExitCode.FunctionFailed, ExitCodes.For(e.Category));
    }
}
