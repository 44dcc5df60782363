using System.Text;

namespace Tracer.Tracing.Ebpf;

/// <summary>
/// Turns loader records into <see cref="AccessEvent"/>s with the rules the strace parser uses:
/// the same <see cref="PathResolver"/> (cwd per task, paths behind directory fds) and the same
/// <see cref="AccessRecorder"/> (result classes, created paths). Allocation-free once a path
/// and a task are known.
/// </summary>
internal sealed class EbpfDecoder
{
    // open(2) flags (asm-generic/fcntl.h).
    private const uint OCreat = 0x40;
    private const uint OExcl = 0x80;
    private const uint ODirectory = 0x10000;
    private const int MaxPath = 4096;

    private readonly Dictionary<int, TracedTask> _tasks = [];
    private readonly PathResolver _paths = new();
    private readonly AccessRecorder _recorder;
    private readonly int _rootPid;
    private readonly string? _initialCwd;
    private readonly char[] _chars = new char[MaxPath];

    public EbpfDecoder(IAccessSink sink, int rootPid, string? initialCwd)
    {
        _recorder = new AccessRecorder(sink, _paths.Pool);
        _rootPid = rootPid;
        _initialCwd = initialCwd;
    }

    public IReadOnlyCollection<string> CreatedPaths => _recorder.CreatedPaths;

    public long Accesses => _recorder.Accesses;

    /// <summary>Relative paths whose base directory (cwd or dirfd) was never seen.</summary>
    public long Unresolved { get; private set; }

    /// <summary>Records decoded (all kinds).</summary>
    public long Records { get; private set; }

    /// <summary>The loader's READY record was seen: its programs are attached.</summary>
    public bool Ready { get; private set; }

    /// <summary>Records the kernel could not queue (ring buffer full); -1 until the END record.</summary>
    public long Dropped { get; private set; } = -1;

    /// <summary>Applies the complete records at the start of <paramref name="data"/>; returns
    /// the bytes used (a partial record at the end waits for more data).</summary>
    public int Decode(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (true)
        {
            var size = EbpfRecord.PeekSize(data[used..]);
            if (size == 0 || size > data.Length - used)
            {
                return used;
            }
            if (!EbpfRecord.TryRead(data.Slice(used, size), out var record))
            {
                throw new InvalidDataException($"tracer-ebpf record of {size} bytes is malformed");
            }
            used += size;
            Records++;
            switch (record.Type)
            {
                case EbpfRecordType.Ready:
                    Ready = true;
                    break;
                case EbpfRecordType.End:
                    Dropped = record.Ret;
                    break;
                default:
                    Apply(record);
                    break;
            }
        }
    }

    public void Apply(in EbpfRecord r)
    {
        switch (r.Type)
        {
            case EbpfRecordType.Syscall:
                Syscall(r, Task(r.Pid));
                break;
            case EbpfRecordType.Fork:
                var child = new TracedTask();
                child.InheritFrom(Task(r.Ppid), (r.Flags & 1) != 0, (r.Flags & 2) != 0);
                _tasks[r.Pid] = child;
                break;
            case EbpfRecordType.Join:
                // A docker exec (or HEALTHCHECK) process: the function's too, from its exec on.
                var joined = new TracedTask { Counting = true };
                if (Resolve(joined, PathResolver.AtFdCwd, r.Path1, out var cwd))
                {
                    joined.Fs.Cwd = cwd;
                }
                _tasks[r.Pid] = joined;
                break;
            case EbpfRecordType.Exec:
                Exec(r);
                break;
            case EbpfRecordType.ExecFile:
                // The file that really runs (symlinks resolved): strace shows only the name.
                var task = Task(r.Pid);
                if (Resolve(task, PathResolver.AtFdCwd, r.Path1, out var file))
                {
                    _recorder.Emit(r.Pid, task, file, AccessKind.Exec);
                }
                break;
            case EbpfRecordType.Exit:
                _tasks.Remove(r.Pid);
                break;
        }
    }

    private TracedTask Task(int pid)
    {
        if (!_tasks.TryGetValue(pid, out var task))
        {
            task = new TracedTask { Counting = pid != _rootPid };
            if (pid == _rootPid)
            {
                task.Fs.Cwd = _initialCwd;
            }
            _tasks[pid] = task;
        }
        return task;
    }

    private void Exec(in EbpfRecord r)
    {
        if (r.Ppid != r.Pid && _tasks.Remove(r.Ppid, out var moved))
        {
            // A thread that execs takes over its thread group leader's pid.
            _tasks[r.Pid] = moved;
        }
        var task = Task(r.Pid);
        task.Counting = true;
        // Limitation: execveat(dirfd, name) is named "/dev/fd/N/name" by the kernel, which is
        // not resolved (the real file still comes as ExecFile).
        if (!Resolve(task, PathResolver.AtFdCwd, r.Path1, out var path))
        {
            return;
        }
        var program = _paths.Intern(path.AsSpan(path.LastIndexOf('/') + 1));
        // The program that ran this one is its user (the report's "used by"), as in the strace
        // backend; the gate's first exec has none, so the program itself is named.
        task.Program ??= program;
        _recorder.Emit(r.Pid, task, path, AccessKind.Exec);
        task.Program = program;
        if (!r.Path2.IsEmpty && Resolve(task, PathResolver.AtFdCwd, r.Path2, out var interpreter))
        {
            _recorder.Emit(r.Pid, task, interpreter, AccessKind.Exec);
        }
    }

    private void Syscall(in EbpfRecord r, TracedTask task)
    {
        var failure = r.Ret < 0 ? Failure(-r.Ret) : LookupFailure.None;
        if (r.Op == EbpfOp.Fchdir)
        {
            if (failure == LookupFailure.None && task.Fds.TryGetValue(r.Dirfd, out var directory))
            {
                task.Fs.Cwd = directory;
            }
            return;
        }
        if (!Resolve(task, r.Dirfd, r.Path1, out var path))
        {
            return;
        }
        switch (r.Op)
        {
            case EbpfOp.Open:
                Open(r, task, path, failure);
                break;
            case EbpfOp.Exec:
                _recorder.Result(r.Pid, task, path, failure, AccessKind.Exec, always: true);
                break;
            case EbpfOp.Stat:
                _recorder.Result(r.Pid, task, path, failure, AccessKind.Stat);
                break;
            case EbpfOp.Readlink:
                _recorder.Result(r.Pid, task, path, failure, AccessKind.Readlink);
                break;
            case EbpfOp.Chdir:
                _recorder.Result(r.Pid, task, path, failure, AccessKind.Dir);
                if (failure == LookupFailure.None)
                {
                    task.Fs.Cwd = path;
                }
                break;
            case EbpfOp.Mkdir:
            case EbpfOp.Symlink when failure == LookupFailure.None:
                Made(r, task, path, failure);
                break;
            case EbpfOp.Rename:
                Rename(r, task, path, failure);
                break;
            case EbpfOp.Unlink when failure == LookupFailure.None && _recorder.MadeAndMoved(path):
                // Written with O_CREAT and removed again: the function's temp file.
                _recorder.Create(r.Pid, task, path);
                break;
            case EbpfOp.Unlink when !_recorder.WasCreated(path):
                _recorder.Result(r.Pid, task, path, failure, AccessKind.Stat);
                break;
        }
    }

    private void Open(in EbpfRecord r, TracedTask task, string path, LookupFailure failure)
    {
        if (failure == LookupFailure.Denied && (r.Flags & OCreat) != 0)
        {
            _recorder.CreateDenied(r.Pid, task, path);
            return;
        }
        if (failure != LookupFailure.None)
        {
            _recorder.Result(r.Pid, task, path, failure, AccessKind.Stat);
            return;
        }
        // Path2 is where the kernel's lookup ended (the fd's path, as strace -y prints it):
        // the target when the name was a symlink or went through one.
        var target = path;
        if (!r.Path2.IsEmpty && Resolve(task, PathResolver.AtFdCwd, r.Path2, out var named))
        {
            target = named;
        }
        if ((r.Flags & OCreat) != 0 && _recorder.MadeByOpen(path, exclusive: (r.Flags & OExcl) != 0))
        {
            _recorder.Create(r.Pid, task, path);
        }
        else
        {
            var kind = (r.Flags & ODirectory) != 0 ? AccessKind.Open | AccessKind.Dir : AccessKind.Open;
            if ((r.Flags & OCreat) != 0)
            {
                _recorder.CreatOpened(path);
            }
            _recorder.Emit(r.Pid, task, path, kind);
            if (!ReferenceEquals(target, path))
            {
                _recorder.Emit(r.Pid, task, target, kind);
            }
        }
        // Limitation: only opens the kernel sent are tracked: a repeated open of a directory
        // without O_DIRECTORY/O_PATH is de-duplicated, so *at calls on its fd go unresolved
        // (counted in Unresolved); dup/dup2/F_DUPFD copies of directory fds are not followed.
        if (r.Ret <= int.MaxValue)
        {
            task.Fds[(int)r.Ret] = target;
        }
    }

    private void Made(in EbpfRecord r, TracedTask task, string path, LookupFailure failure)
    {
        if (failure == LookupFailure.None)
        {
            _recorder.Create(r.Pid, task, path);
            return;
        }
        _recorder.Result(r.Pid, task, path, failure, AccessKind.Dir);
    }

    private void Rename(in EbpfRecord r, TracedTask task, string from, LookupFailure failure)
    {
        if (failure != LookupFailure.None)
        {
            _recorder.Result(r.Pid, task, from, failure, AccessKind.Stat);
            return;
        }
        if (_recorder.MadeAndMoved(from))
        {
            // Written with O_CREAT, then renamed into place: a temp file of the function's.
            _recorder.Create(r.Pid, task, from);
        }
        else if (!_recorder.WasCreated(from))
        {
            _recorder.Emit(r.Pid, task, from, AccessKind.Stat);
        }
        if (Resolve(task, r.Dirfd2, r.Path2, out var to))
        {
            _recorder.Create(r.Pid, task, to);
        }
    }

    private bool Resolve(TracedTask task, int dirfd, ReadOnlySpan<byte> raw, out string path)
    {
        path = "";
        if (raw.IsEmpty || raw.Length > MaxPath)
        {
            return false;
        }
        var n = Encoding.UTF8.GetChars(raw, _chars);
        if (_paths.TryResolve(task, dirfd, _chars.AsSpan(0, n), out path))
        {
            return true;
        }
        Unresolved++;
        return false;
    }

    /// <summary>The errno classes of <see cref="LookupFailure"/> (asm-generic/errno-base.h, errno.h).</summary>
    private static LookupFailure Failure(long errno) => errno switch
    {
        2 or 20 or 40 or 36 => LookupFailure.Missing, // ENOENT ENOTDIR ELOOP ENAMETOOLONG
        13 or 1 or 30 => LookupFailure.Denied, // EACCES EPERM EROFS
        26 or 17 or 21 or 16 => LookupFailure.Exists, // ETXTBSY EEXIST EISDIR EBUSY
        22 => LookupFailure.Invalid, // EINVAL
        _ => LookupFailure.Other,
    };
}
