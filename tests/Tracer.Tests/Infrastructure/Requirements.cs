using System.Net.Sockets;

namespace Tracer.Tests.Infrastructure;

/// <summary>
/// Checks what a test needs. Off CI a missing requirement skips the test with the reason; with
/// CI=true nothing is skipped, so a missing engine or capability fails the test instead.
/// </summary>
public static class Requirements
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string?> DockerProblem = new(CheckDocker);

    /// <summary>The first missing requirement, or null when all are there.</summary>
    public static string? Missing(Requirement needs)
    {
        if (needs.HasFlag(Requirement.Root) || needs.HasFlag(Requirement.Fanotify))
        {
            if (Environment.UserName != "root" && geteuid() != 0)
            {
                return "needs root";
            }
        }
        if (needs.HasFlag(Requirement.Docker) && DockerProblem.Value is { } docker)
        {
            return docker;
        }
        if (needs.HasFlag(Requirement.Strace) && FindOnPath("strace") is null)
        {
            return "needs strace on PATH";
        }
        if (needs.HasFlag(Requirement.Bpf) && Tracer.Tracing.Ebpf.EbpfSupport.Unavailable() is { } bpf)
        {
            return $"needs eBPF: {bpf}";
        }
        return null;
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string? CheckDocker()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socket = string.IsNullOrEmpty(host) ? "/var/run/docker.sock"
            : host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null;
        if (socket is null)
        {
            return null;
        }
        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Connect(new UnixDomainSocketEndPoint(socket));
            return null;
        }
        catch (SocketException e)
        {
            return $"needs a Docker engine at {socket} ({e.SocketErrorCode}); run ./build.sh";
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

}
