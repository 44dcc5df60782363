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
        var length = PathJoin.Combine(directory, relative, _path);
        if (length < 0)
        {
            return false;
        }
        path = _pool.Intern(_path.AsSpan(0, length));
        return true;
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
                p.Fs.Cwd = _pool.Intern(directory);
            }
            return true;
        }
        var known = fd == StraceValue.AtFdCwd ? p.Fs.Cwd : p.Fds.GetValueOrDefault(fd);
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
                path = _pool.Intern(_base.AsSpan(0, n));
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
                target = _pool.Intern(_base.AsSpan(0, n));
            }
        }
        if (r.Value is >= 0 and <= int.MaxValue)
        {
            p.Fds[(int)r.Value] = target;
        }
        return target;
    }

    /// <summary>Emits what a result says about <paramref name="path"/>: <paramref name="kind"/> on
    /// success, missing or an existing-path lookup on failure.</summary>
    private void Result(int pid, StraceProcess p, string path, in StraceResult r, AccessKind kind,
        bool always = false)
    {
        if (r.Ok)
        {
            Emit(pid, p, path, kind, always);
            return;
        }
        switch (r.Failure)
        {
            case LookupFailure.Missing:
                _missing.Add(path);
                Emit(pid, p, path, AccessKind.Missing, always);
                break;
            case LookupFailure.Exists or LookupFailure.Denied:
                // EACCES and friends: the lookup reached an existing file and was refused.
                // Limitation: EACCES from an unsearchable parent directory is read as existing too.
                Emit(pid, p, path, AccessKind.Stat, always);
                break;
            case LookupFailure.Invalid when kind == AccessKind.Readlink:
                // readlink on a file that is no symlink: the file exists.
                Emit(pid, p, path, AccessKind.Stat, always);
                break;
        }
    }

    /// <summary>A file or directory the function made: recorded as created, never copied; its
    /// parent directory (when it was not made in this run too) is kept.</summary>
    private void Create(int pid, StraceProcess p, string path)
    {
        Emit(pid, p, path, AccessKind.Create);
        _created.Add(path);
        var slash = path.LastIndexOf('/');
        var parent = slash <= 0 ? "/" : _pool.Intern(path.AsSpan(0, slash));
        if (!_created.Contains(parent))
        {
            Emit(pid, p, parent, AccessKind.Dir);
        }
    }

    private void Emit(int pid, StraceProcess p, string path, AccessKind kind, bool always = false)
    {
        if (!p.Counting && !always)
        {
            return;
        }
        if (kind != AccessKind.Create && _created.Count > 0 && _created.Contains(path))
        {
            // The function's own file: using it later does not make it part of the image.
            kind = AccessKind.Create;
        }
        Stats.Accesses++;
        _sink.OnAccess(new AccessEvent(path, kind, pid, p.Program));
    }
}
