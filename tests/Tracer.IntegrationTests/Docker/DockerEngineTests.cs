using Tracer.Docker;
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
}
