using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Docker;

public sealed class DockerEngineTests
{
    [RequiresFact(Requirement.Docker)]
    public async Task InspectImage_UnknownName_ThrowsUsageErrorNamingIt()
    {
        using var engine = DockerEngine.Connect();
        var e = await Assert.ThrowsAsync<TracerException>(
            () => engine.InspectImageAsync("tracer-no-such-image:never", CancellationToken.None));
        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.Equal("tracer-no-such-image:never", e.Value);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Ping_DaemonDown_ThrowsEnvironmentError()
    {
        using var engine = DockerEngine.Connect(new Uri("unix:///nonexistent/docker.sock"));
        var e = await Assert.ThrowsAsync<TracerException>(() => engine.PingAsync(CancellationToken.None));
        Assert.Equal(ErrorCategory.Environment, e.Category);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task InspectImage_InvalidReference_UsageErrorWithTheEngineReason()
    {
        using var engine = DockerEngine.Connect();
        var e = await Assert.ThrowsAsync<TracerException>(
            () => engine.InspectImageAsync("UPPER:Case", CancellationToken.None));
        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.Equal("UPPER:Case", e.Value);
        Assert.Contains("invalid reference format", e.Reason, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Create_TokenCancelledWhileCreating_ContainerRemovedAndCancelled()
    {
        var image = await BusyboxImage.GetAsync();
        using var engine = DockerEngine.Connect();
        var mark = Guid.NewGuid().ToString("N");
        var labels = new Dictionary<string, string>(TestRun.Labels) { ["io.tracer.test-case"] = mark };
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.CreateAsync(
            new ContainerSpec { Image = image, Cmd = ["true"], Labels = labels }, cancel.Token));
        Assert.Equal(0, await engine.RemoveLabelledAsync("io.tracer.test-case", mark));
    }
}
