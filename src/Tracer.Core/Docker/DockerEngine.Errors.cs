using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Tracer.Docker;

/// <summary>How engine failures become <see cref="TracerException"/>s: a cancelled call is never
/// "daemon down", a refused request is the user's input, a socket we may not open says so.</summary>
public sealed partial class DockerEngine
{
    private const string ImageHint = "use a lowercase NAME[:TAG] or an image id";

    /// <summary>True for a failure to talk to the engine at all. A cancelled request surfaces
    /// wrapped in HttpRequestException/IOException too; that is Ctrl-C, not a dead daemon.</summary>
    internal static bool IsUnreachable(Exception e) =>
        !Chain(e).Any(static x => x is OperationCanceledException)
        && (e is HttpRequestException or SocketException or IOException
            || e.InnerException is SocketException or HttpRequestException);

    /// <summary>The environment error for an unreachable engine; permission denied on the
    /// socket is told apart, since its fix is not starting the daemon.</summary>
    internal static TracerException DaemonDown(Exception e)
    {
        var endpoint = DockerConnection.Endpoint();
        if (Chain(e).OfType<SocketException>().Any(static s => s.SocketErrorCode == SocketError.AccessDenied))
        {
            return new TracerException("permission denied on the Docker socket",
                endpoint.Scheme == "unix" ? endpoint.AbsolutePath : endpoint.ToString(),
                "run as root or join the docker group", ErrorCategory.Environment, e)
            { Reason = "connecting needs read and write access to it" };
        }
        return new TracerException("cannot reach the Docker engine", endpoint.ToString(),
            "start it (./build.sh starts dockerd) or set DOCKER_HOST", ErrorCategory.Environment, e);
    }

    /// <summary>Engine messages caused by the user's input that API 1.41 reports as 500.</summary>
    private static readonly string[] InputFaults =
    [
        "invalid reference format", "unable to find user", "unable to find group",
        "invalid volume specification", "invalid mount config",
    ];

    /// <summary>Start failures that name the container's user, not the container.</summary>
    private static readonly string[] UserFaults = ["unable to find user", "unable to find group"];

    private const string UserHint =
        "name a user and group of the image's /etc/passwd and /etc/group, or give numeric uid:gid";

    /// <summary>The engine refused the request for its input: a client error (4xx other than
    /// not-found and conflict), or one of <see cref="InputFaults"/>.</summary>
    internal static bool IsRefusal(DockerApiException e) =>
        (int)e.StatusCode is >= 400 and < 500
            && e.StatusCode is not HttpStatusCode.NotFound and not HttpStatusCode.Conflict
        || InputFaults.Any(f => EngineMessage(e).Contains(f, StringComparison.Ordinal));

    /// <summary>A usage error naming <paramref name="value"/>, the engine's words as the reason.</summary>
    internal static TracerException Refused(string what, string value, DockerApiException e, string? hint = null) =>
        new(what, value, hint, ErrorCategory.Usage, e)
        {
            Reason = EngineMessage(e),
        };

    /// <summary>The <c>message</c> of the engine's JSON error body, else the body itself.</summary>
    internal static string EngineMessage(DockerApiException e)
    {
        var body = e.ResponseBody?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            return e.Message;
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message)
                ? message.GetString() ?? body
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
