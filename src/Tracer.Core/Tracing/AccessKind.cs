namespace Tracer.Tracing;

/// <summary>What a process did with a path. One record can carry several kinds.</summary>
[Flags]
public enum AccessKind
{
    None = 0,
    /// <summary>Executed: execve of the path, or mapped for execution (FAN_OPEN_EXEC).</summary>
    Exec = 1 << 0,
    /// <summary>Opened successfully (file or directory).</summary>
    Open = 1 << 1,
    /// <summary>A directory that was opened or listed.</summary>
    Dir = 1 << 2,
    /// <summary>Looked up without open: stat, lstat, access, statx.</summary>
    Stat = 1 << 3,
    /// <summary>Read as a symlink (readlink).</summary>
    Readlink = 1 << 4,
    /// <summary>Looked up and not found (ENOENT, ENOTDIR): kept for diagnosis, never copied.</summary>
    Missing = 1 << 5,
    /// <summary>Created or written by the function during the trace (O_CREAT, mkdir, rename target).</summary>
    Create = 1 << 6,
}
