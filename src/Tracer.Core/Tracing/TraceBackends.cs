using Tracer.Tracing.Ebpf;

namespace Tracer.Tracing;

/// <summary>Backend names as the CLI and trace.json spell them, and the default's choice.</summary>
public static class TraceBackends
{
    public static readonly IReadOnlyList<string> Names = ["fanotify", "strace", "both", "ebpf", "ebpf+fanotify"];

    public static string Name(TraceBackend backend) => backend switch
    {
        TraceBackend.EbpfFanotify => "ebpf+fanotify",
        _ => backend.ToString().ToLowerInvariant(),
    };

    public static TraceBackend Parse(string name) => name.ToLowerInvariant() switch
    {
        "auto" => TraceBackend.Auto,
        "fanotify" => TraceBackend.Fanotify,
        "strace" => TraceBackend.Strace,
        "both" => TraceBackend.Both,
        "ebpf" => TraceBackend.Ebpf,
        "ebpf+fanotify" => TraceBackend.EbpfFanotify,
        _ => throw new TracerException("unknown tracer", name, $"use one of {string.Join(", ", Names)}"),
    };

    /// <summary>The backend a run uses: <see cref="TraceBackend.Auto"/> becomes ebpf+fanotify
    /// when eBPF works here, else both with <paramref name="fallback"/> saying why.</summary>
    public static TraceBackend Resolve(TraceBackend requested, EbpfOptions options, out string? fallback)
    {
        fallback = null;
        if (requested != TraceBackend.Auto)
        {
            return requested;
        }
        if (EbpfSupport.Unavailable(options) is { } reason)
        {
            fallback = $"eBPF tracing unavailable ({reason}); using fanotify and strace";
            return TraceBackend.Both;
        }
        return TraceBackend.EbpfFanotify;
    }
}
