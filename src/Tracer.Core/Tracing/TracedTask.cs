namespace Tracer.Tracing;

/// <summary>What path resolution knows about one traced task (thread): its cwd, the paths
/// behind its fds, its program. Every backend that sees raw syscalls keeps one per task.</summary>
internal class TracedTask
{
    /// <summary>Shared between tasks cloned with CLONE_FS (threads): one cwd.</summary>
    public sealed class FsState
    {
        public string? Cwd;
    }

    public FsState Fs = new();
    /// <summary>Shared between tasks cloned with CLONE_FILES.</summary>
    public Dictionary<int, string> Fds = [];
    public string? Program;
    /// <summary>False for the gate until it execs: its own file accesses do not count.</summary>
    public bool Counting = true;

    /// <summary>Makes this task the child of <paramref name="parent"/>: the cwd and fd table are
    /// shared (CLONE_FS, CLONE_FILES) or copied.</summary>
    public void InheritFrom(TracedTask parent, bool shareFs, bool shareFiles)
    {
        Program = parent.Program;
        Counting = parent.Counting;
        Fs = shareFs ? parent.Fs : new FsState { Cwd = parent.Fs.Cwd };
        Fds = shareFiles ? parent.Fds : new Dictionary<int, string>(parent.Fds);
    }
}
