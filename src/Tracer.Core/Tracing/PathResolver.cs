namespace Tracer.Tracing;

/// <summary>
/// Turns the path a syscall was given into the absolute path the task meant: relative paths
/// start at the task's cwd, dirfd-relative ones at the directory its fd was opened on; the
/// result is normalised lexically and interned. Shared by the strace and eBPF backends.
/// </summary>
internal sealed class PathResolver
{
    /// <summary>AT_FDCWD from fcntl.h: "relative to the cwd" in *at calls.</summary>
    public const int AtFdCwd = -100;
    private const int MaxPath = 4096;

    private readonly char[] _path = new char[MaxPath * 2];

    public PathPool Pool { get; } = new();

    public string Intern(ReadOnlySpan<char> path) => Pool.Intern(path);

    /// <summary>The directory a relative path starts from: the cwd for <see cref="AtFdCwd"/>,
    /// else what the task's fd was opened on; null when the backend never saw it.</summary>
    public static string? BaseDirectory(TracedTask task, int dirfd) =>
        dirfd == AtFdCwd ? task.Fs.Cwd : task.Fds.GetValueOrDefault(dirfd);

    /// <summary>Joins <paramref name="directory"/> (ignored for an absolute path) and
    /// <paramref name="path"/>; false when the result does not fit PATH_MAX twice over.</summary>
    public bool TryJoin(ReadOnlySpan<char> directory, ReadOnlySpan<char> path, out string joined)
    {
        var length = PathJoin.Combine(directory, path, _path);
        joined = length < 0 ? "" : Pool.Intern(_path.AsSpan(0, length));
        return length >= 0;
    }

    /// <summary>Resolves <paramref name="path"/> as task <paramref name="task"/> passed it with
    /// <paramref name="dirfd"/>; false when it is empty or its base directory is unknown.</summary>
    public bool TryResolve(TracedTask task, int dirfd, ReadOnlySpan<char> path, out string resolved)
    {
        resolved = "";
        if (path.IsEmpty)
        {
            return false;
        }
        ReadOnlySpan<char> directory = default;
        if (path[0] != '/')
        {
            var known = BaseDirectory(task, dirfd);
            if (known is null)
            {
                return false;
            }
            directory = known;
        }
        return TryJoin(directory, path, out resolved);
    }
}
