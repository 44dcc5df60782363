namespace Tracer.Tracing;

/// <summary>Which tracers watch a run.</summary>
[Flags]
public enum TraceBackend
{
    /// <summary>ebpf+fanotify when the kernel allows it, else both (see <see cref="TraceBackends.Resolve"/>).</summary>
    Auto = 0,
    Fanotify = 1,
    Strace = 2,
    Both = Fanotify | Strace,
    Ebpf = 4,
    EbpfFanotify = Ebpf | Fanotify,
}
