using Tracer.Docker;

namespace Tracer.Harness;

/// <summary>Checks the machine can trace before anything runs, so a missing piece costs no time.</summary>
public static class EnvironmentCheck
{
    /// <summary>FAN_MARK_FILESYSTEM needs Linux 4.20, FAN_OPEN_EXEC 5.0.</summary>
    public static readonly Version MinimumKernel = new(5, 0);

    public static async Task RunAsync(DockerEngine engine, string tracer, CancellationToken ct)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new TracerException("tracing needs root", Environment.UserName,
                "run tracer as root (fanotify filesystem marks need CAP_SYS_ADMIN, strace needs ptrace)",
                ErrorCategory.Environment);
        }
        await engine.PingAsync(ct).ConfigureAwait(false);
        if (tracer is "auto" or "fanotify" or "both" or "ebpf+fanotify" && Environment.OSVersion.Version < MinimumKernel)
        {
            throw new TracerException("kernel too old for fanotify filesystem marks",
                Environment.OSVersion.Version.ToString(), "use --tracer strace or Linux 5.0 or later",
                ErrorCategory.Environment);
        }
        if (tracer is "strace" or "both" && FindStrace() is null)
        {
            throw new TracerException("strace not found on PATH", Environment.GetEnvironmentVariable("PATH"),
                "install strace (apt-get install strace) or use --tracer fanotify", ErrorCategory.Environment);
        }
    }

    /// <summary>The strace binary on PATH, or null; diagnosis of a failed verification needs it.</summary>
    public static string? FindStrace() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(static dir => Path.Combine(dir, "strace"))
            .FirstOrDefault(File.Exists);
}
