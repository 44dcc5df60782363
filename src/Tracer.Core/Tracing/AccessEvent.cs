namespace Tracer.Tracing;

/// <summary>One observed use of a path by one process (a value type: no allocation per event).</summary>
/// <param name="Path">Absolute path as the traced process sees it.</param>
/// <param name="Kind">What was done with it.</param>
/// <param name="Pid">The process (host pid namespace).</param>
/// <param name="Program">Its program name, when known.</param>
/// <param name="Attributed">True when pid and program come with the call itself (strace); false
/// when read afterwards (fanotify's /proc/PID/comm, which may be gone or exec'd since).</param>
public readonly record struct AccessEvent(string Path, AccessKind Kind, int Pid, string? Program,
    bool Attributed = true);
