using System.Diagnostics;
using System.Globalization;
using System.Reactive.Subjects;

namespace Tracer.Tracing.Ebpf;

/// <summary>
/// The eBPF backend: runs the tracer-ebpf loader on the gate's pid, returns once the BPF
/// programs are attached (its READY record), then decodes its records on a reader thread
/// into <see cref="Events"/>. <see cref="CompleteAsync"/> ends the loader (stdin closed) once
/// the container is gone and waits for its END record, which counts lost records.
/// </summary>
public sealed class EbpfSource : IDisposable
{
    private static readonly TimeSpan AttachTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Thread _reader;
    private readonly Subject<AccessEvent> _events = new();
    private readonly EbpfDecoder _decoder;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StderrTail _stderr;
    private Exception? _failure;

    private EbpfSource(Process process, int pid, string? initialCwd)
    {
        _process = process;
        _decoder = new EbpfDecoder(new SubjectSink(_events), pid, initialCwd);
        _stderr = new StderrTail(process);
        _reader = new Thread(Read) { IsBackground = true, Name = "ebpf" };
    }

    public IObservable<AccessEvent> Events => _events;

    /// <summary>Records the kernel could not queue (ring buffer full); -1 until the END record.</summary>
    public long Dropped => _decoder.Dropped;

    /// <summary>Records decoded (all kinds).</summary>
    public long Records => _decoder.Records;

    public long Accesses => _decoder.Accesses;

    public IReadOnlyCollection<string> CreatedPaths => _decoder.CreatedPaths;

    /// <summary>Starts the loader on <paramref name="pid"/> and returns once it follows it.</summary>
    public static async Task<EbpfSource> AttachAsync(int pid, string? initialCwd, EbpfOptions options,
        CancellationToken ct)
    {
        var loader = options.LoaderPath ?? EbpfSupport.FindLoader() ?? throw new TracerException(
            "eBPF loader not found", "tracer-ebpf", "build it with ./build.sh (needs clang, bpftool, libbpf-dev) " +
            "or use --tracer both", ErrorCategory.Environment);
        var info = new ProcessStartInfo(loader)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-r");
        info.ArgumentList.Add(options.RingBufferBytes.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        var source = new EbpfSource(Process.Start(info)!, pid, initialCwd);
        source._reader.Start();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(AttachTimeout);
            await source._ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or EndOfStreamException)
        {
            source.Dispose();
            ct.ThrowIfCancellationRequested();
            throw new TracerException("eBPF tracer could not attach", pid.ToString(CultureInfo.InvariantCulture),
                $"{source._stderr.Text}; run as root with kernel BTF, or use --tracer both", ErrorCategory.Environment);
        }
        return source;
    }

    /// <summary>Ends the loader and waits until every record is decoded; then fails the stream
    /// when records were lost.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(ct).ConfigureAwait(false);
        await Task.Run(_reader.Join, ct).ConfigureAwait(false);
        if (_failure is null && Dropped < 0)
        {
            _failure = new TracerException("eBPF tracer ended without its last record",
                $"exit {_process.ExitCode}", $"{_stderr.Text}; trace again or use --tracer both",
                ErrorCategory.TraceIncomplete);
        }
        if (_failure is null && Dropped > 0)
        {
            _failure = new TracerException("eBPF ring buffer overflowed", $"{Dropped} records lost",
                "nothing may be built from this trace; trace a smaller run or use --tracer both",
                ErrorCategory.TraceIncomplete);
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
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        // Also waits for the end of stderr, so its text is complete for an error message.
        _process.WaitForExit();
        _reader.Join(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void Read()
    {
        try
        {
            var stream = _process.StandardOutput.BaseStream;
            var buffer = new byte[1 << 20];
            var filled = 0;
            int n;
            while ((n = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += n;
                var used = _decoder.Decode(buffer.AsSpan(0, filled));
                if (_decoder.Ready)
                {
                    _ready.TrySetResult();
                }
                buffer.AsSpan(used, filled - used).CopyTo(buffer);
                filled -= used;
            }
            if (filled > 0)
            {
                throw new InvalidDataException($"tracer-ebpf output ends inside a record ({filled} bytes)");
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
        _ready.TrySetException(new EndOfStreamException("tracer-ebpf ended before it was ready"));
    }

    private sealed class SubjectSink(Subject<AccessEvent> subject) : IAccessSink
    {
        public void OnAccess(in AccessEvent access) => subject.OnNext(access);
    }
}
