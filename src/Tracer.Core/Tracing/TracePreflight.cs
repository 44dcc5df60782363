namespace Tracer.Tracing;

/// <summary>Checks, before any container exists, that this machine can trace.</summary>
public static class TracePreflight
{
    public static void Check(TraceBackend backend, Ebpf.EbpfOptions? ebpf = null)
    {
        if (Tmds.Linux.LibC.geteuid() != 0)
        {
            throw new TracerException("tracing needs root", Environment.UserName,
                "run tracer as root (fanotify needs CAP_SYS_ADMIN, strace needs ptrace)", ErrorCategory.Environment);
        }
        if (backend.HasFlag(TraceBackend.Strace) && FindOnPath("strace") is null)
        {
            throw StraceMissing();
        }
        if (backend.HasFlag(TraceBackend.Ebpf) && Ebpf.EbpfSupport.Unavailable(ebpf) is { } reason)
        {
            throw new TracerException("eBPF tracing unavailable", reason,
                "use --tracer both, or a kernel with BTF and the tracer-ebpf loader built", ErrorCategory.Environment);
        }
    }

    public static TracerException StraceMissing() =>
        new("strace not found", "strace", "install it (apt-get install strace) or use --tracer fanotify",
            ErrorCategory.Environment);

    /// <summary>The program's full path from PATH (default /usr/bin:/bin), or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
