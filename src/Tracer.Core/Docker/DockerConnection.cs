using Docker.DotNet;

namespace Tracer.Docker;

/// <summary>Creates Docker Engine clients; honours DOCKER_HOST, defaults to the local socket.</summary>
public static class DockerConnection
{
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>The endpoint in use: DOCKER_HOST when set, the local socket otherwise.</summary>
    public static Uri Endpoint()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return new Uri(string.IsNullOrWhiteSpace(host) ? DefaultEndpoint : host);
    }

    public static DockerClient Create(Uri? endpoint = null) =>
        new DockerClientBuilder().WithEndpoint(endpoint ?? Endpoint()).Build();
}
