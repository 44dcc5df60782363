namespace Tracer.Tracing.Strace;

/// <summary>The per-syscall half of the parser: which argument names which path, and what a
/// result means for it.</summary>
public sealed partial class StraceParser
{
    /// <summary>Paths the traced processes created (O_CREAT, mkdir, rename/link/symlink targets).</summary>
    public IReadOnlyCollection<string> CreatedPaths => _recorder.CreatedPaths;

    private void ParseCall(int pid, StraceProcess p, ReadOnlySpan<byte> line)
    {
        var open = line.IndexOf((byte)'(');
        var eq = line.LastIndexOf(" = "u8);
        if (open <= 0 || open > 32 || eq < open)
        {
            Stats.Malformed++;
            return;
        }
        Stats.Syscalls++;
        Span<char> name = stackalloc char[open];
        for (var i = 0; i < open; i++)
        {
            name[i] = (char)line[i];
        }
        var r = StraceResult.Parse(line[(eq + 3)..]);
        var a = new StraceArgs(line[(open + 1)..eq]);
        switch (name)
        {
            case "open":
                Open(pid, p, default, a.Next(), a.Next(), r);
                break;
            case "openat":
            case "openat2":
                Open(pid, p, a.Next(), a.Next(), a.Next(), r);
                break;
            case "creat":
                if (r.Ok && Resolve(p, default, a.Next(), out var created))
                {
                    Create(pid, p, created);
                    TrackFd(p, r, created);
                }
                break;
            case "execve":
                Exec(pid, p, default, a.Next(), r);
                break;
            case "execveat":
                Exec(pid, p, a.Next(), a.Next(), r);
                break;
            case "stat" or "lstat" or "stat64" or "lstat64" or "oldstat" or "oldlstat" or "access"
                or "statfs" or "statfs64" or "truncate" or "truncate64" or "chmod" or "chown"
                or "chown32" or "lchown" or "lchown32" or "utime" or "utimes" or "getxattr"
                or "lgetxattr" or "listxattr" or "llistxattr" or "setxattr" or "lsetxattr"
                or "removexattr" or "lremovexattr":
                Lookup(pid, p, default, a.Next(), r, AccessKind.Stat);
                break;
            case "newfstatat" or "fstatat64" or "statx" or "faccessat" or "faccessat2"
                or "fchmodat" or "fchownat" or "utimensat" or "futimesat" or "name_to_handle_at":
                Lookup(pid, p, a.Next(), a.Next(), r, AccessKind.Stat);
                break;
            case "readlink":
                Lookup(pid, p, default, a.Next(), r, AccessKind.Readlink);
                break;
            case "readlinkat":
                Lookup(pid, p, a.Next(), a.Next(), r, AccessKind.Readlink);
                break;
            case "chdir":
                if (Resolve(p, default, a.Next(), out var dir))
                {
                    Result(pid, p, dir, r, AccessKind.Dir);
                    if (r.Ok)
                    {
                        p.Fs.Cwd = dir;
                    }
                }
                break;
            case "fchdir":
                if (r.Ok && FdPath(p, a.Next(), out var fdDir))
                {
                    p.Fs.Cwd = fdDir;
                }
                break;
            case "mkdir" or "mknod": // mknod: a FIFO or device node the run makes, like a directory
                MakeDirectory(pid, p, default, a.Next(), r);
                break;
            case "mkdirat" or "mknodat":
                MakeDirectory(pid, p, a.Next(), a.Next(), r);
                break;
            case "rename" or "link":
                Move(pid, p, default, a.Next(), default, a.Next(), r);
                break;
            case "renameat" or "renameat2" or "linkat":
                Move(pid, p, a.Next(), a.Next(), a.Next(), a.Next(), r);
                break;
            case "unlink" or "rmdir":
                Remove(pid, p, default, a.Next(), r);
                break;
            case "unlinkat":
                Remove(pid, p, a.Next(), a.Next(), r);
                break;
            case "symlink":
                a.Skip(1);
                if (r.Ok && Resolve(p, default, a.Next(), out var link))
                {
                    Create(pid, p, link);
                }
                break;
            case "symlinkat":
                a.Skip(1);
                if (r.Ok && Resolve(p, a.Next(), a.Next(), out var linkAt))
                {
                    Create(pid, p, linkAt);
                }
                break;
            // Limitation: chroot/pivot_root are not followed; paths after them keep the old root.
            // Limitation: an execve from a non-leader thread ("superseded by execve") keeps the
            // thread's own state instead of moving it to the thread-group leader.
            case "clone" or "clone3" or "fork" or "vfork":
                Fork(p, line, r);
                break;
            case "dup" or "dup2" or "dup3" or "fcntl":
                Duplicate(p, name, a.Next(), line, r);
                break;
            case "close":
                if (StraceValue.TryFd(a.Next(), out var closed, out _))
                {
                    p.Fds.Remove(closed);
                }
                break;
        }
    }

    private void Open(int pid, StraceProcess p, ReadOnlySpan<byte> dirArg, ReadOnlySpan<byte> pathArg,
        ReadOnlySpan<byte> flags, in StraceResult r)
    {
        if (!Resolve(p, dirArg, pathArg, out var path))
        {
            return;
        }
        if (!r.Ok && r.Failure == LookupFailure.Denied && flags.IndexOf("O_CREAT"u8) >= 0)
        {
            _recorder.CreateDenied(pid, p, path);
            return;
        }
        if (!r.Ok)
        {
            Result(pid, p, path, r, AccessKind.Stat);
            return;
        }
        if (flags.IndexOf("O_CREAT"u8) >= 0 && MadeByOpen(path, flags))
        {
            Create(pid, p, path);
            TrackFd(p, r, path);
            return;
        }
        var kind = flags.IndexOf("O_DIRECTORY"u8) >= 0 ? AccessKind.Open | AccessKind.Dir : AccessKind.Open;
        if (flags.IndexOf("O_CREAT"u8) >= 0)
        {
            _recorder.CreatOpened(path);
        }
        Emit(pid, p, path, kind);
        var target = TrackFd(p, r, path);
        if (!ReferenceEquals(target, path))
        {
            // -y shows where the kernel's lookup ended: the symlink's target.
            Emit(pid, p, target, kind);
        }
    }

    private bool MadeByOpen(string path, ReadOnlySpan<byte> flags) =>
        _recorder.MadeByOpen(path, exclusive: flags.IndexOf("O_EXCL"u8) >= 0);

    private void Exec(int pid, StraceProcess p, ReadOnlySpan<byte> dirArg, ReadOnlySpan<byte> pathArg,
        in StraceResult r)
    {
        if (!Resolve(p, dirArg, pathArg, out var path))
        {
            return;
        }
        // The PATH search before the first exec is the function's own: count it even for the gate.
        if (r.Ok)
        {
            p.Counting = true;
            var program = _paths.Intern(path.AsSpan(path.LastIndexOf('/') + 1));
            // The program that ran this one is its user (the report's "used by"); the gate's
            // first exec has none, so the program itself is named.
            p.Program ??= program;
            Emit(pid, p, path, AccessKind.Exec);
            p.Program = program;
            if (_options.ShebangInterpreter?.Invoke(path) is { } interpreter)
            {
                Emit(pid, p, _paths.Intern(interpreter), AccessKind.Exec);
            }
            return;
        }
        Result(pid, p, path, r, AccessKind.Exec, always: true);
    }

    private void Lookup(int pid, StraceProcess p, ReadOnlySpan<byte> dirArg, ReadOnlySpan<byte> pathArg,
        in StraceResult r, AccessKind kind)
    {
        if (Resolve(p, dirArg, pathArg, out var path))
        {
            Result(pid, p, path, r, kind);
        }
    }

    private void MakeDirectory(int pid, StraceProcess p, ReadOnlySpan<byte> dirArg,
        ReadOnlySpan<byte> pathArg, in StraceResult r)
    {
        if (!Resolve(p, dirArg, pathArg, out var path))
        {
            return;
        }
        if (r.Ok)
        {
            Create(pid, p, path);
        }
        else
        {
            Result(pid, p, path, r, AccessKind.Dir);
        }
    }

    private void Move(int pid, StraceProcess p, ReadOnlySpan<byte> oldDir, ReadOnlySpan<byte> oldArg,
        ReadOnlySpan<byte> newDir, ReadOnlySpan<byte> newArg, in StraceResult r)
    {
        if (!Resolve(p, oldDir, oldArg, out var from))
        {
            return;
        }
        if (!r.Ok)
        {
            Result(pid, p, from, r, AccessKind.Stat);
            return;
        }
        if (_recorder.MadeAndMoved(from))
        {
            // Written with O_CREAT, then renamed into place: a temp file of the function's.
            Create(pid, p, from);
        }
        else if (!_recorder.WasCreated(from))
        {
            Emit(pid, p, from, AccessKind.Stat);
        }
        if (Resolve(p, newDir, newArg, out var to))
        {
            Create(pid, p, to);
        }
    }

    private void Remove(int pid, StraceProcess p, ReadOnlySpan<byte> dirArg, ReadOnlySpan<byte> pathArg,
        in StraceResult r)
    {
        if (!Resolve(p, dirArg, pathArg, out var path) || _recorder.WasCreated(path))
        {
            return;
        }
        if (r.Ok && _recorder.MadeAndMoved(path))
        {
            // Written with O_CREAT and removed again: the function's temp file.
            Create(pid, p, path);
            return;
        }
        Result(pid, p, path, r, AccessKind.Stat);
    }

    private void Fork(StraceProcess p, ReadOnlySpan<byte> line, in StraceResult r)
    {
        if (!r.Ok || r.Value <= 0 || r.Value > int.MaxValue)
        {
            return;
        }
        var child = (int)r.Value;
        if (p.ChildClaimed)
        {
            // The child printed while this clone was unfinished and inherited then.
            p.ChildClaimed = false;
            return;
        }
        if (!_processes.ContainsKey(child))
        {
            var state = p.Clone(line.IndexOf("CLONE_FS"u8) >= 0, line.IndexOf("CLONE_FILES"u8) >= 0);
            _processes[child] = state;
            _unclaimed.Enqueue((child, state));
        }
    }

    private void Duplicate(StraceProcess p, ReadOnlySpan<char> name, ReadOnlySpan<byte> fdArg,
        ReadOnlySpan<byte> line, in StraceResult r)
    {
        if (!r.Ok || (name is "fcntl" && line.IndexOf("F_DUPFD"u8) < 0) || !FdPath(p, fdArg, out var path))
        {
            return;
        }
        p.Fds[(int)r.Value] = path;
    }
}
