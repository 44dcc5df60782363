using System.Buffers.Binary;
using System.Reactive.Subjects;
using System.Text;
using Tracer.Interop;
using Tracer.Tracing.Strace;
using static Tracer.Interop.Fanotify;

namespace Tracer.Tracing.Fanotify;

/// <summary>
/// fanotify on a container's root filesystem: FAN_MARK_FILESYSTEM on /proc/PID/root,
/// FAN_OPEN | FAN_OPEN_EXEC | FAN_ONDIR. Each path is read from its event fd; an ignore mark on
/// the inode keeps its repeats out of the queue. A reader thread publishes
/// <see cref="Events"/>; <see cref="Stop"/> drains the queue to EAGAIN.
/// </summary>
public sealed unsafe class FanotifySource : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private const ulong Watched = FAN_OPEN | FAN_OPEN_EXEC | FAN_ONDIR;

    private readonly int _fd;
    private readonly FanotifyOptions _options;
    private readonly Subject<AccessEvent> _events = new();
    private readonly PathPool _pool = new();
    private readonly Dictionary<int, string> _programs = [];
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly byte[] _link = new byte[4096];
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _comm = new byte[64];
    private readonly byte[] _procPath = new byte[64];
    private readonly ManualResetEventSlim _stop = new();
    private Thread? _reader;
    private volatile bool _stopping;
    private Exception? _failure;

    private FanotifySource(int fd, FanotifyOptions options)
    {
        _fd = fd;
        _options = options;
    }

    public IObservable<AccessEvent> Events => _events;

    /// <summary>Raw events read (after the kernel's own merging and the ignore marks).</summary>
    public long EventCount { get; private set; }

    /// <summary>True when the kernel reported FAN_Q_OVERFLOW: events were lost.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>fanotify_init; throws an environment error when the caller lacks CAP_SYS_ADMIN or
    /// the kernel lacks fanotify.</summary>
    public static FanotifySource Open(FanotifyOptions? options = null)
    {
        options ??= new FanotifyOptions();
        var flags = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | (options.UnlimitedQueue ? FAN_UNLIMITED_QUEUE : 0);
        var fd = fanotify_init(flags, (uint)(O_RDONLY | O_LARGEFILE | O_CLOEXEC));
        if (fd < 0)
        {
            var errno = Errno.Last();
            throw new SyscallException("fanotify_init", errno, null, ErrorCategory.Environment,
                errno == Errno.EPERM ? "run tracer as root (fanotify needs CAP_SYS_ADMIN)"
                    : "the kernel needs fanotify (CONFIG_FANOTIFY); use --tracer strace");
        }
        return new FanotifySource(fd, options);
    }

    /// <summary>Marks the whole file system that holds <paramref name="path"/> (the container's
    /// overlay superblock when given /proc/PID/root).</summary>
    public void MarkFilesystem(string path)
    {
        var watched = _options.Directories ? Watched : Watched & ~FAN_ONDIR;
        if (fanotify_mark(_fd, FAN_MARK_ADD | FAN_MARK_FILESYSTEM, watched, AT_FDCWD, path) < 0)
        {
            var errno = Errno.Last();
            throw new SyscallException("fanotify_mark", errno, path, ErrorCategory.Environment,
                errno == Errno.EINVAL ? "FAN_MARK_FILESYSTEM and FAN_OPEN_EXEC need Linux 5.0+; use --tracer strace"
                    : "run tracer as root on the host");
        }
    }

    /// <summary>Starts the reader thread (unless reading is deferred for an overflow test).</summary>
    public void Start()
    {
        CompileDecodePath();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "fanotify" };
        _reader.Start();
    }

    /// <summary>Call after the traced processes exited: their events are queued already
    /// (fsnotify runs inside open()), so reading to EAGAIN gets every one.</summary>
    public void Stop()
    {
        _stopping = true;
        _stop.Set();
        _reader?.Join();
        if (_failure is null)
        {
            try
            {
                Drain();
            }
            catch (Exception e)
            {
                _failure = e;
            }
        }
        if (_failure is not null)
        {
            _events.OnError(_failure);
            return;
        }
        _events.OnCompleted();
    }

    public void Dispose()
    {
        _stopping = true;
        _stop.Set();
        _reader?.Join();
        close(_fd);
        _stop.Dispose();
        _events.Dispose();
    }

    /// <summary>
    /// Drains the queue every <see cref="FanotifyOptions.DrainInterval"/> rather than sleeping
    /// in poll(): a poller is woken by every event, and that wake-up runs inside the traced
    /// process's open(). With a timer the traced process only queues (the kernel merges
    /// repeats meanwhile) and the reader handles events in batches, far below the 16384-event
    /// limit at these intervals.
    /// </summary>
    private void ReadLoop()
    {
        try
        {
            while (!_stopping)
            {
                _stop.Wait(_options.DrainInterval);
                if (!_stopping && !_options.DeferReading)
                {
                    Drain();
                }
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    /// <summary>Reads events until the nonblocking fd says EAGAIN.</summary>
    private void Drain()
    {
        fixed (byte* buffer = _buffer)
        {
            while (true)
            {
                var n = read(_fd, buffer, BufferSize);
                if (n < 0)
                {
                    var errno = Errno.Last();
                    if (errno == Errno.EAGAIN)
                    {
                        return;
                    }
                    if (errno == Errno.EINTR)
                    {
                        continue;
                    }
                    throw new SyscallException("read", errno, "fanotify", ErrorCategory.Environment);
                }
                if (n == 0)
                {
                    return;
                }
                Decode(_buffer.AsSpan(0, (int)n));
            }
        }
    }

    private void Decode(ReadOnlySpan<byte> data)
    {
        while (data.Length >= FAN_EVENT_METADATA_LEN)
        {
            var eventLength = BinaryPrimitives.ReadUInt32LittleEndian(data[event_len_offset..]);
            var version = data[vers_offset];
            var metadataLength = BinaryPrimitives.ReadUInt16LittleEndian(data[metadata_len_offset..]);
            if (version != FANOTIFY_METADATA_VERSION || metadataLength < FAN_EVENT_METADATA_LEN
                || eventLength < metadataLength || eventLength > data.Length)
            {
                throw new TracerException("fanotify event with unexpected layout",
                    $"vers {version}, metadata_len {metadataLength}, event_len {eventLength}",
                    "this kernel's fanotify ABI is not supported; use --tracer strace", ErrorCategory.Environment);
            }
            var mask = BinaryPrimitives.ReadUInt64LittleEndian(data[mask_offset..]);
            var fd = BinaryPrimitives.ReadInt32LittleEndian(data[fd_offset..]);
            var pid = BinaryPrimitives.ReadInt32LittleEndian(data[pid_offset..]);
            EventCount++;
            if ((mask & FAN_Q_OVERFLOW) != 0)
            {
                Overflowed = true;
            }
            if (fd >= 0)
            {
                try
                {
                    OnEvent(fd, mask, pid);
                }
                finally
                {
                    close(fd);
                }
            }
            data = data[(int)eventLength..];
        }
    }

    private void OnEvent(int fd, ulong mask, int pid)
    {
        var path = EventPath(fd, out var deleted);
        if (path is null)
        {
            return;
        }
        var exec = (mask & FAN_OPEN_EXEC) != 0;
        var kind = exec ? AccessKind.Exec | AccessKind.Open : AccessKind.Open;
        // An fd-reporting group is not told FAN_ONDIR (the kernel keeps it for FID groups), so
        // the fd says whether it is a directory.
        if ((mask & FAN_ONDIR) != 0 || IsDirectory(fd))
        {
            kind |= AccessKind.Dir;
        }
        if (deleted)
        {
            // Unlinked before the event was read: made and removed during the run (a temp file
            // or directory, an O_TMPFILE), the function's own, never an image file.
            // Limitation: an image file the function opens and then deletes is taken as its own
            // too, so the minimal image lacks it.
            kind = AccessKind.Create;
        }
        // Limitation: a temp file unlinked only after its event was read is recorded as an open
        // of an existing file (fanotify alone; the syscall backends see the unlink).
        // Repeats of what was seen stay in the kernel; an exec after a plain open still arrives.
        // Limitation: the ignore mark makes 'count' in trace.json 1 for fanotify-only paths.
        var ignore = exec ? FAN_OPEN | FAN_OPEN_EXEC : FAN_OPEN;
        fanotify_mark(_fd, FAN_MARK_ADD | FAN_MARK_IGNORED_MASK | FAN_MARK_IGNORED_SURV_MODIFY, ignore, fd, null);
        if (exec)
        {
            _programs.Remove(pid); // It runs something else now: read its name anew.
        }
        _events.OnNext(new AccessEvent(path, kind, pid, Program(pid), Attributed: false));
    }

    /// <summary>Runs the event path's lookups once on the tracer's own process (the name of its
    /// fanotify fd, its comm) before any event arrives: their P/Invoke stubs and generic helpers
    /// are not precompiled, and compiling them at the first event ran beside the traced
    /// function. Nothing is recorded.</summary>
    private void CompileDecodePath()
    {
        _ = EventPath(_fd, out _);
        _ = ReadComm(Environment.ProcessId);
    }

    private const string DeletedSuffix = " (deleted)";

    private string? EventPath(int fd, out bool deleted)
    {
        deleted = false;
        var n = ProcPath(fd < 0 ? 0 : fd, "/proc/self/fd/"u8, ""u8);
        nint length;
        fixed (byte* proc = _procPath)
        fixed (byte* link = _link)
        {
            length = readlink(proc, link, (nuint)_link.Length);
        }
        if (length <= 0 || n < 0)
        {
            return null;
        }
        var chars = Encoding.UTF8.GetChars(_link.AsSpan(0, (int)length), _chars);
        ReadOnlySpan<char> path = _chars.AsSpan(0, chars);
        if (_options.HostRootPrefix is { Length: > 1 } prefix && path.StartsWith(prefix, StringComparison.Ordinal)
            && (path.Length == prefix.Length || path[prefix.Length] == '/'))
        {
            path = path.Length == prefix.Length ? "/" : path[prefix.Length..];
        }
        if (path.EndsWith(DeletedSuffix, StringComparison.Ordinal))
        {
            // d_path(3) marks an unlinked file's name with this suffix.
            path = path[..^DeletedSuffix.Length];
            deleted = true;
        }
        return path.Length > 0 && path[0] == '/' ? _pool.Intern(path) : null;
    }

    // Limitation: the program is read from /proc/PID/comm when the process's first event (or
    // its first after an exec event) is decoded, then kept: a process already gone gives none,
    // one that exec'd since gives its new name.
    private string? Program(int pid)
    {
        if (_programs.TryGetValue(pid, out var known))
        {
            return known;
        }
        var program = ReadComm(pid);
        if (program is not null)
        {
            _programs[pid] = program;
        }
        return program;
    }

    private string? ReadComm(int pid)
    {
        if (ProcPath(pid, "/proc/"u8, "/comm"u8) < 0)
        {
            return null;
        }
        int fd;
        fixed (byte* proc = _procPath)
        {
            fd = open(proc, O_RDONLY | O_CLOEXEC);
        }
        if (fd < 0)
        {
            return null; // Already gone: the pid alone is recorded.
        }
        nint n;
        fixed (byte* comm = _comm)
        {
            n = read(fd, comm, (nuint)_comm.Length);
        }
        close(fd);
        if (n <= 0)
        {
            return null;
        }
        var text = _comm.AsSpan(0, (int)n).TrimEnd((byte)'\n');
        var count = Encoding.UTF8.GetChars(text, _chars);
        return _pool.Intern(_chars.AsSpan(0, count));
    }

    private int ProcPath(int number, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        var span = _procPath.AsSpan();
        head.CopyTo(span);
        if (!System.Buffers.Text.Utf8Formatter.TryFormat(number, span[head.Length..], out var written))
        {
            return -1;
        }
        var end = head.Length + written;
        tail.CopyTo(span[end..]);
        end += tail.Length;
        span[end] = 0;
        return end;
    }

    private static bool IsDirectory(int fd)
    {
        Tmds.Linux.stat st;
        return Tmds.Linux.LibC.fstat(fd, &st) == 0 && (st.st_mode & Tmds.Linux.LibC.S_IFMT) == Tmds.Linux.LibC.S_IFDIR;
    }
}
