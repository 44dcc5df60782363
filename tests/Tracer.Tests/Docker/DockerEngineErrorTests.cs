using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Tracer.Cli;
using Tracer.Docker;

namespace Tracer.Tests.Docker;

/// <summary>How engine failures are classified: no engine needed, the exceptions are built here
/// the way Docker.DotNet and SocketsHttpHandler throw them.</summary>
public sealed class DockerEngineErrorTests
{
    [Fact]
    public void IsUnreachable_CancelledRequestWrapped_False()
    {
        Assert.False(DockerEngine.IsUnreachable(
            new HttpRequestException("send failed", new TaskCanceledException("The operation was canceled."))));
        Assert.False(DockerEngine.IsUnreachable(
            new IOException("read failed", new OperationCanceledException())));
    }

    [Fact]
    public void IsUnreachable_ConnectionRefused_True() =>
        Assert.True(DockerEngine.IsUnreachable(
            new HttpRequestException("Connection failed", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void DaemonDown_SocketAccessDenied_SaysPermissionDeniedAndHowToFix()
    {
        var e = DockerEngine.DaemonDown(
            new HttpRequestException("Connection failed", new SocketException((int)SocketError.AccessDenied)));
        Assert.Equal(ErrorCategory.Environment, e.Category);
        var line = ErrorPrinter.Format(e);
        Assert.StartsWith("error: permission denied on the Docker socket: '", line, StringComparison.Ordinal);
        Assert.EndsWith("run as root or join the docker group.", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid reference format: repository name must be lowercase")]
    [InlineData(HttpStatusCode.InternalServerError, "unable to find user nosuchuser: no matching entries in passwd file")]
    public void Refused_InputFault_UsageErrorWithTheEngineReason(HttpStatusCode status, string message)
    {
        var api = new DockerApiException(status, $"{{\"message\":\"{message}\"}}\n");
        Assert.True(DockerEngine.IsRefusal(api));
        var line = ErrorPrinter.Format(DockerEngine.Refused("the engine refused", "UPPER:Case", api));
        Assert.Equal($"error: the engine refused: 'UPPER:Case': {message}.", line);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public void IsRefusal_NotTheInput_False(HttpStatusCode status) =>
        Assert.False(DockerEngine.IsRefusal(new DockerApiException(status, "{\"message\":\"boom\"}")));
}
