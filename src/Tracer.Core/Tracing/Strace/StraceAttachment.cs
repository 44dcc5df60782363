using System.Diagnostics;
using System.Reactive.Subjects;
using Tracer.Docker;

namespace Tracer.Tracing.Strace;

/// <summary>
/// A host <c>strace -f -y -p PID</c> writing into a FIFO that a reader thread parses live, so
/// scripts' "#!" lines can still be read through /proc/PID/root while the container runs.
/// </summary>
public sealed class StraceAttachment : IDisposable
{
    /// <summary>File and process calls, fchdir for cwd; -y names every fd, -s 4096 keeps paths whole.</summary>
    private static readonly string[] Arguments =
        ["-f", "-y", "-s", "4096", "-e", "trace=%file,%process,fchdir"];

    private static readonly TimeSpan AttachTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _directory;
    private readonly Thread _reader;
    private readonly Subject<AccessEvent> _events;
    private readonly string _fifo;
    private Exception? _failure;

    private StraceAttachment(Process process, string directory, StraceParser parser, string fifo,
        Subject<AccessEvent> events)
    {
        _events = events;
        _fifo = fifo;
        _process = process;
        _directory = directory;
        Parser = parser;
        _reader = new Thread(() => Read(fifo)) { IsBackground = true, Name = "strace" };
    }

    public IObservable<AccessEvent> Events => _events;

    public StraceParser Parser { get; }

    /// <summary>Starts strace on <paramref name="pid"/> and returns once it reports the process attached.</summary>
    public static async Task<StraceAttachment> AttachAsync(int pid, string? initialCwd, CancellationToken ct)
    {
        var program = TracePreflight.FindOnPath("strace") ?? throw TracePreflight.StraceMissing();
        var directory = Directory.CreateTempSubdirectory("tracer-strace-").FullName;
        var fifo = Path.Combine(directory, "log");
        GateFifo.Make(fifo);
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in Arguments)
        {
            info.ArgumentList.Add(a);
        }
        info.ArgumentList.Add("-o");
        info.ArgumentList.Add(fifo);
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Limitation: a script's "#!" line is read through /proc/PID/root of the gate; a script
        // exec'd in the container's last milliseconds may already be unreadable (fanotify, in
        // the 'both' backend, still sees the interpreter's FAN_OPEN_EXEC).
        var shebang = new ShebangReader($"/proc/{pid}/root");
        var subject = new Subject<AccessEvent>();
        var parser = new StraceParser(new SubjectSink(subject), new StraceParserOptions
        {
            GatePid = pid,
            InitialCwd = initialCwd,
            ShebangInterpreter = shebang.Interpreter,
        });
        var process = Process.Start(info)!;
        var attachment = new StraceAttachment(process, directory, parser, fifo, subject);
        attachment._reader.Start();
        try
        {
            await attachment.WaitAttachedAsync(pid, ct).ConfigureAwait(false);
        }
        catch
        {
            attachment.Dispose();
            throw;
        }
        return attachment;
    }

    /// <summary>Waits for strace to exit (it does once the traced processes are gone) and for
    /// the reader to parse the last line.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct).ConfigureAwait(false);
        await Task.Run(_reader.Join, ct).ConfigureAwait(false);
        if (_failure is not null)
        {
            _events.OnError(_failure);
            return;
        }
        _events.OnCompleted();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        if (_reader.IsAlive)
        {
            // strace never opened the FIFO: a writer that goes away unblocks the reader's open.
            GateFifo.TrySend(_fifo, (byte)'\n');
            _reader.Join(TimeSpan.FromSeconds(5));
        }
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitAttachedAsync(int pid, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(AttachTimeout);
        var expected = $"Process {pid} attached";
        var seen = new List<string>();
        while (await _process.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Contains(expected, StringComparison.Ordinal))
            {
                // Keep draining stderr so strace never blocks on a full pipe.
                _ = _process.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
            seen.Add(line);
        }
        throw new TracerException("strace could not attach", pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{string.Join(" ", seen).Trim()}; run as root (ptrace) or use --tracer fanotify", ErrorCategory.Environment);
    }

    private void Read(string fifo)
    {
        try
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            StraceLineReader.Pump(stream, Parser);
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }

    private sealed class SubjectSink(Subject<AccessEvent> subject) : IAccessSink
    {
        public void OnAccess(in AccessEvent access) => subject.OnNext(access);
    }
}
