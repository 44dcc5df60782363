namespace Tracer.Tracing.Ebpf;

/// <summary>How the eBPF source runs.</summary>
public sealed record EbpfOptions
{
    /// <summary>Ring buffer size in bytes (a power of two, at least one page). Any record that
    /// does not fit fails the run; tests shrink it to force that.</summary>
    public int RingBufferBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The loader binary; null: <see cref="EbpfSupport.FindLoader"/>.</summary>
    public string? LoaderPath { get; init; }

    /// <summary>Kernel BTF to require; null: env TRACER_BTF, else /sys/kernel/btf/vmlinux.
    /// Tests point it at a missing file to force the fallback.</summary>
    public string? BtfPath { get; init; }
}
