namespace Tracer.Tracing.Strace;

/// <summary>
/// Turns `strace -f` output, one line at a time, into <see cref="AccessEvent"/>s. Handles
/// "PID " and "[pid N] " prefixes, -t/-tt/-ttt/-r timestamps, -T times, -y annotations and
/// unfinished/resumed pairs. Works on the line's bytes; the steady state allocates nothing.
/// </summary>
/// <remarks>Recommended capture: <c>strace -f -y -s 4096 -e trace=%file,%process,fchdir</c>.
/// -s 4096 (PATH_MAX) keeps paths whole; default escapes (octal) and -x/-xx are all decoded.</remarks>
public sealed partial class StraceParser
{
    private const int MaxPath = 4096;
    private static readonly byte[] Unfinished = " <unfinished ...>"u8.ToArray();
    private static readonly byte[] Resumed = " resumed>"u8.ToArray();

    private readonly IAccessSink _sink;
    private readonly StraceParserOptions _options;
    private readonly Dictionary<int, StraceProcess> _processes = [];
    private readonly PathResolver _paths = new();
    private readonly AccessRecorder _recorder;
    private readonly byte[] _joined = new byte[2 * MaxPath];
    private readonly byte[] _bytes = new byte[MaxPath * 2];
    private readonly char[] _chars = new char[MaxPath * 2];
    private readonly char[] _base = new char[MaxPath * 2];
    private int _lastPendingClone = -1;
    /// <summary>Children made by clone() whose first line is still to come. Inside a pid
    /// namespace clone() returns the container's pid while strace labels lines with the host's,
    /// so the next unknown pid takes the oldest of these.</summary>
    private readonly Queue<(int Pid, StraceProcess State)> _unclaimed = new();

    public StraceParser(IAccessSink sink, StraceParserOptions? options = null)
    {
        _sink = sink;
        _options = options ?? new StraceParserOptions();
        _recorder = new AccessRecorder(sink, _paths.Pool);
        Stats = new StraceStats(_recorder);
    }

    public StraceStats Stats { get; }

    /// <summary>Parses one line (without its newline). <paramref name="defaultPid"/> is the pid
    /// of lines without a prefix: the suffix of an -ff file, or 0.</summary>
    public void ParseLine(ReadOnlySpan<byte> line, int defaultPid = 0)
    {
        Stats.Lines++;
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        // Limitation: in strace's stderr mode the first process's lines carry no "[pid N]" until a
        // second process exists; they are filed under pid 0, a separate state from its later lines.
        var pid = defaultPid;
        if (line.StartsWith("[pid "u8))
        {
            var close = line.IndexOf((byte)']');
            if (close < 0 || !StraceValue.TryInt(line[5..close].Trim((byte)' '), out pid))
            {
                Stats.Malformed++;
                return;
            }
            line = line[(close + 1)..];
        }
        else if (line.Length > 0 && char.IsAsciiDigit((char)line[0]))
        {
            var end = line.IndexOf((byte)' ');
            if (end > 0 && StraceValue.TryInt(line[..end], out var p))
            {
                pid = p;
                line = line[end..];
            }
        }
        line = SkipTimestamps(line);
        if (line.IsEmpty || line.StartsWith("strace:"u8) || line.StartsWith("---"u8))
        {
            return;
        }
        if (line.StartsWith("+++"u8))
        {
            if (line.StartsWith("+++ exited"u8) || line.StartsWith("+++ killed"u8))
            {
                _processes.Remove(pid);
            }
            return;
        }
        var process = Process(pid);
        var message = line.IndexOf("strace: Process "u8);
        if (message > 0)
        {
            // Without -o, strace's own "Process N attached" lands inside a line; the rest of the
            // call follows as " <unfinished ...>".
            line = line[..message];
            process.SetPending(line);
            if (IsFork(line))
            {
                _lastPendingClone = pid;
            }
            return;
        }
        if (line.SequenceEqual(Unfinished.AsSpan(1)))
        {
            return;
        }
        if (line.StartsWith("<... "u8))
        {
            ParseResumed(pid, process, line);
            return;
        }
        if (line.EndsWith(Unfinished))
        {
            var call = line[..^Unfinished.Length];
            process.SetPending(call);
            if (IsFork(call))
            {
                _lastPendingClone = pid;
            }
            return;
        }
        ParseCall(pid, process, line);
    }

    private void ParseResumed(int pid, StraceProcess process, ReadOnlySpan<byte> line)
    {
        var marker = line.IndexOf(Resumed);
        if (marker < 0 || process.PendingLength < 0)
        {
            // Started before strace attached, or the log is cut: nothing to pair with.
            return;
        }
        var rest = line[(marker + Resumed.Length)..];
        var pending = process.Pending.AsSpan(0, process.PendingLength);
        process.PendingLength = -1;
        var length = pending.Length + rest.Length;
        if (length > _joined.Length)
        {
            Stats.Malformed++;
            return;
        }
        pending.CopyTo(_joined);
        rest.CopyTo(_joined.AsSpan(pending.Length));
        if (_lastPendingClone == pid)
        {
            _lastPendingClone = -1;
        }
        ParseCall(pid, process, _joined.AsSpan(0, length));
    }

    private StraceProcess Process(int pid)
    {
        if (_processes.TryGetValue(pid, out var process))
        {
            process.Seen = true;
            return process;
        }
        // A child often prints before its parent's clone returns: inherit from the task whose
        // clone is still unfinished.
        if (_lastPendingClone >= 0 && _processes.TryGetValue(_lastPendingClone, out var parent)
            && !parent.ChildClaimed)
        {
            var flags = parent.Pending.AsSpan(0, Math.Max(parent.PendingLength, 0));
            process = parent.Clone(Has(flags, "CLONE_FS"u8), Has(flags, "CLONE_FILES"u8));
            parent.ChildClaimed = true;
        }
        else
        {
            process = Unclaimed() ?? Root(pid);
        }
        process.Seen = true;
        _processes[pid] = process;
        return process;
    }

    /// <summary>The oldest child a clone() made that no line has named yet.</summary>
    // Limitation: with several clones outstanding in a pid namespace, children are matched in the
    // order of their first line; one that prints after a younger sibling takes that sibling's
    // copy of the parent (same parent, only the moment of the cwd/fd snapshot differs).
    private StraceProcess? Unclaimed()
    {
        while (_unclaimed.TryDequeue(out var child))
        {
            if (child.State.Seen)
            {
                continue;
            }
            if (_processes.TryGetValue(child.Pid, out var alias) && ReferenceEquals(alias, child.State))
            {
                _processes.Remove(child.Pid);
            }
            return child.State;
        }
        return null;
    }

    /// <summary>A task whose parent the log does not show: the first one, or one attached.</summary>
    private StraceProcess Root(int pid)
    {
        var process = new StraceProcess();
        if (_processes.Count == 0)
        {
            process.Fs.Cwd = _options.InitialCwd;
        }
        process.Counting = _options.GatePid != pid;
        return process;
    }

    private static ReadOnlySpan<byte> SkipTimestamps(ReadOnlySpan<byte> line)
    {
        line = line.TrimStart((byte)' ');
        while (line.Length > 0 && char.IsAsciiDigit((char)line[0]))
        {
            var space = line.IndexOf((byte)' ');
            if (space < 0)
            {
                return default;
            }
            line = line[space..].TrimStart((byte)' ');
        }
        return line;
    }

    private static bool IsFork(ReadOnlySpan<byte> call) =>
        call.StartsWith("clone"u8) || call.StartsWith("fork("u8) || call.StartsWith("vfork("u8);

    private static bool Has(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word) => text.IndexOf(word) >= 0;
}
