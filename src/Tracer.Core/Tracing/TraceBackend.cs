namespace Tracer.Tracing;

/// <summary>Which tracers watch a run.</summary>
[Flags]
public enum TraceBackend
{
    Fanotify = 1,
    Strace = 2,
    Both = Fanotify | Strace,
}
