namespace Tracer.Tracing.Strace;

/// <summary>The path half of the parser: decoding, resolving against cwd and dirfds, emitting.</summary>
public sealed partial class StraceParser
{
    /// <summary>Resolves a path argument against its dirfd argument (empty: the cwd).</summary>
    private bool Resolve(StraceProcess p, ReadOnlySpan<byte> dirArg, ReadOnlySpan<byte> pathArg, out string path)
    {
        path = "";
        if (!StraceValue.TryString(pathArg, out var raw, out var truncated))
        {
            if (truncated)
            {
                // Limitation: a path longer than strace's -s limit is dropped (counted as truncated).
                Stats.Truncated++;
            }
            return false;
        }
        var n = StraceString.Decode(raw, _bytes, _chars);
        if (n <= 0)
        {
            return false;
        }
        ReadOnlySpan<char> relative = _chars.AsSpan(0, n);
        ReadOnlySpan<char> directory = default;
        if (relative[0] != '/')
        {
            if (!BaseDirectory(p, dirArg, out directory))
            {
                Stats.Unresolved++;
                return false;
            }
        }
        return _paths.TryJoin(directory, relative, out path);
    }

    private bool BaseDirectory(StraceProcess p, ReadOnlySpan<byte> dirArg, out ReadOnlySpan<char> directory)
    {
        directory = default;
        var fd = StraceValue.AtFdCwd;
        var annotation = default(ReadOnlySpan<byte>);
        if (!dirArg.IsEmpty && !StraceValue.TryFd(dirArg, out fd, out annotation))
        {
            return false;
        }
        if (annotation.Length > 0 && annotation[0] == '/')
        {
            var n = StraceString.Decode(annotation, _bytes, _base);
            if (n <= 0)
            {
                return false;
            }
            directory = _base.AsSpan(0, n);
            if (fd == StraceValue.AtFdCwd && !directory.SequenceEqual(p.Fs.Cwd))
            {
                // -y names the cwd on every *at call: it corrects what tracking could not see.
                p.Fs.Cwd = _paths.Intern(directory);
            }
            return true;
        }
        var known = PathResolver.BaseDirectory(p, fd);
        directory = known;
        return known is not null;
    }

    /// <summary>The path behind an fd argument: its -y annotation, or what the parser tracked.</summary>
    private bool FdPath(StraceProcess p, ReadOnlySpan<byte> fdArg, out string path)
    {
        path = "";
        if (!StraceValue.TryFd(fdArg, out var fd, out var annotation))
        {
            return false;
        }
        if (annotation.Length > 0 && annotation[0] == '/')
        {
            var n = StraceString.Decode(annotation, _bytes, _base);
            if (n > 0)
            {
                path = _paths.Intern(_base.AsSpan(0, n));
                return true;
            }
        }
        if (p.Fds.TryGetValue(fd, out var tracked))
        {
            path = tracked;
            return true;
        }
        return false;
    }

    /// <summary>Remembers the fd an open returned; returns the path -y says it refers to.</summary>
    private string TrackFd(StraceProcess p, in StraceResult r, string path)
    {
        var target = path;
        if (r.Annotation.Length > 0 && r.Annotation[0] == '/' && !r.Annotation.EndsWith(" (deleted)"u8))
        {
            var n = StraceString.Decode(r.Annotation, _bytes, _base);
            if (n > 0 && !_base.AsSpan(0, n).SequenceEqual(path))
            {
                target = _paths.Intern(_base.AsSpan(0, n));
            }
        }
        if (r.Value is >= 0 and <= int.MaxValue)
        {
            p.Fds[(int)r.Value] = target;
        }
        return target;
    }

    private void Result(int pid, StraceProcess p, string path, in StraceResult r, AccessKind kind,
        bool always = false) =>
        _recorder.Result(pid, p, path, r.Ok ? LookupFailure.None : r.Failure, kind, always);

    private void Create(int pid, StraceProcess p, string path) => _recorder.Create(pid, p, path);

    private void Emit(int pid, StraceProcess p, string path, AccessKind kind, bool always = false) =>
        _recorder.Emit(pid, p, path, kind, always);
}
