namespace Tracer.Tracing.Strace;

/// <summary>Counters of one parse: what was read and what could not be used.</summary>
public sealed class StraceStats
{
    private readonly AccessRecorder _recorder;

    internal StraceStats(AccessRecorder recorder) => _recorder = recorder;

    public long Lines { get; internal set; }
    public long Syscalls { get; internal set; }
    public long Accesses => _recorder.Accesses;
    /// <summary>Relative paths whose base directory (cwd or dirfd) was unknown.</summary>
    public long Unresolved { get; internal set; }
    /// <summary>Strings cut by strace's -s limit.</summary>
    public long Truncated { get; internal set; }
    /// <summary>Lines that did not look like strace output.</summary>
    public long Malformed { get; internal set; }
}
