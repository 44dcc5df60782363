namespace Tracer.Tracing.Ebpf;

/// <summary>
/// Whether this machine can run the eBPF backend: kernel BTF (for CO-RE), the loader binary,
/// and CAP_BPF or CAP_SYS_ADMIN. <see cref="EbpfOptions.BtfPath"/> or env <c>TRACER_BTF</c>
/// overrides the BTF path (to force the fallback); <c>TRACER_EBPF</c> names the loader.
/// </summary>
public static class EbpfSupport
{
    public const string DefaultBtf = "/sys/kernel/btf/vmlinux";
    private const string LoaderName = "tracer-ebpf";
    // capability.h: CAP_SYS_ADMIN 21, CAP_BPF 39 (Linux 5.8).
    private const int CapSysAdmin = 21;
    private const int CapBpf = 39;

    /// <summary>Why the eBPF backend cannot run here, or null when it can.</summary>
    public static string? Unavailable(EbpfOptions? options = null)
    {
        var btf = options?.BtfPath
            ?? (Environment.GetEnvironmentVariable("TRACER_BTF") is { Length: > 0 } b ? b : DefaultBtf);
        if (!File.Exists(btf))
        {
            return $"no kernel BTF at {btf}";
        }
        var named = options?.LoaderPath ?? LoaderFromEnvironment();
        if (named is not null && !File.Exists(named))
        {
            return $"no tracer-ebpf loader at {named}"
                + (options?.LoaderPath is null ? $" ({LoaderVariable})" : "");
        }
        if (named is null && FindLoader() is null)
        {
            return "the tracer-ebpf loader was not built (needs clang, bpftool, libbpf-dev)";
        }
        if (!HasCapability(CapBpf) && !HasCapability(CapSysAdmin))
        {
            return "neither CAP_BPF nor CAP_SYS_ADMIN";
        }
        return null;
    }

    /// <summary>The loader: env TRACER_EBPF, else next to the running executable, else
    /// native/build/tracer-ebpf searched upward from the current directory.</summary>
    public static string? FindLoader()
    {
        if (LoaderFromEnvironment() is { } env)
        {
            return File.Exists(env) ? env : null;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, LoaderName);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var built = Path.Combine(dir.FullName, "native", "build", LoaderName);
            if (File.Exists(built))
            {
                return built;
            }
        }
        return null;
    }

    private const string LoaderVariable = "TRACER_EBPF";

    /// <summary>The loader $TRACER_EBPF names, whether it exists or not; null when unset.</summary>
    private static string? LoaderFromEnvironment() =>
        Environment.GetEnvironmentVariable(LoaderVariable) is { Length: > 0 } env ? env : null;

    /// <summary>Reads the effective capability set (CapEff in /proc/self/status).</summary>
    private static bool HasCapability(int capability)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("CapEff:", StringComparison.Ordinal))
            {
                var mask = Convert.ToUInt64(line["CapEff:".Length..].Trim(), 16);
                return (mask & (1UL << capability)) != 0;
            }
        }
        return false;
    }
}
