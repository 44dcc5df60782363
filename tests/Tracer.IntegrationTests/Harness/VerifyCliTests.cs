using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

public sealed class VerifyCliTests
{
    [RequiresFact(Requirement.Docker)]
    public async Task Verify_OriginalImage_AllProbesPassExit0()
    {
        var image = await FixtureImages.EnsureAsync("sh-etl");
        var run = await CliRun.StartAsync(null, "verify", "--spec", FixtureImages.Spec("sh-etl"), "--image", image);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("pass (exit 0)  own-command", run.Stdout);
        Assert.DoesNotContain("FAIL", run.Stdout);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Verify_ImageWithoutTheFunction_Exit1WithFailures()
    {
        await FixtureImages.EnsureAsync("sh-etl");
        var image = await FixtureImages.EnsureAsync("py-report");
        var run = await CliRun.StartAsync(null, "verify", "--spec", FixtureImages.Spec("sh-etl"), "--image", image);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL", run.Stdout);
        Assert.Contains("stdout does not contain 'revenue-cents: 28040'", run.Stdout);
    }
}
