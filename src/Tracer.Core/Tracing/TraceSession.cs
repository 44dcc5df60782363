using System.Diagnostics;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracer.Docker;
using Tracer.Tracing.Ebpf;
using Tracer.Tracing.Fanotify;
using Tracer.Tracing.Strace;

namespace Tracer.Tracing;

/// <summary>
/// One traced run: the container starts behind the gate, fanotify is armed on its root file
/// system and strace attached to the gate, then the gate is released. After the exit both
/// sources are drained and merged (System.Reactive) into one <see cref="AccessSet"/>. The
/// container is removed on every path out, Ctrl-C included.
/// </summary>
public sealed class TraceSession(DockerEngine engine, ILogger? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Short progress lines (stderr in the CLI).</summary>
    public Action<string> Progress { get; init; } = static _ => { };

    public async Task<TraceDocument> RunAsync(TraceRequest request, CancellationToken ct)
    {
        var auto = request.Backend == TraceBackend.Auto;
        request = request with { Backend = TraceBackends.Resolve(request.Backend, request.Ebpf, out var fallback) };
        if (fallback is not null)
        {
            Progress(fallback);
        }
        TracePreflight.Check(request.Backend, request.Ebpf);
        var clock = Stopwatch.StartNew();
        var image = await engine.InspectImageAsync(request.Image, ct).ConfigureAwait(false);
        var imageCmd = request.Entrypoint is null ? image.Config?.Cmd : null;
        var cmd = request.Command.Count > 0 ? request.Command : (IReadOnlyList<string>?)imageCmd ?? [];
        var command = (request.Entrypoint ?? (IReadOnlyList<string>?)image.Config?.Entrypoint ?? []).Concat(cmd).ToList();
        var workingDir = request.WorkingDir
            ?? (string.IsNullOrEmpty(image.Config?.WorkingDir) ? "/" : image.Config!.WorkingDir);
        var filter = new PathFilter(request.Mounts.Select(MountTarget));
        using var gate = Gate.Create();
        string? id = null;
        try
        {
            id = await engine.CreateAsync(new ContainerSpec
            {
                Image = request.Image,
                Entrypoint = Gate.Wrap(command),
                Cmd = [],
                Env = request.Env,
                User = request.User,
                WorkingDir = request.WorkingDir,
                LoopbackPorts = request.LoopbackPorts,
                Binds = [gate.Bind, .. request.Mounts],
                NetworkMode = request.NetworkMode,
                Labels = request.Labels,
            }, ct).ConfigureAwait(false);
            await engine.StartAsync(id, ct).ConfigureAwait(false);
            var exited = engine.WaitAsync(id, ct);
            var pid = await engine.PidAsync(id, ct).ConfigureAwait(false);
            TracingLog.ContainerStarted(_log, DockerEngine.Short(id), request.Image, pid);
            Progress($"container {DockerEngine.Short(id)} (gate pid {pid}), {string.Join(' ', command)}");
            var run = await TraceContainerAsync(request, auto, gate, exited, pid, workingDir, filter, id, ct)
                .ConfigureAwait(false);
            var facts = new TraceFacts
            {
                Image = request.Image,
                ImageId = image.ID,
                Command = command,
                ExitCode = (int)run.ExitCode,
                Backend = TraceBackends.Name(run.Backend),
                Events = run.Events,
                DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                BindMounts = filter.BindMounts,
            };
            TracingLog.Done(_log, request.Image, run.Accesses.Count, run.Events.Values.Sum(), facts.DurationSeconds);
            return new TraceDocument(facts, run.Accesses);
        }
        finally
        {
            if (id is not null)
            {
                gate.Abort();
                await engine.RemoveAsync(id).ConfigureAwait(false);
                TracingLog.Removed(_log, DockerEngine.Short(id));
            }
        }
    }

    /// <summary>The one event pipeline: every source's events, merged and serialised, into the
    /// accumulator.</summary>
    private static IDisposable Collect(IEnumerable<IObservable<AccessEvent>> sources, AccessAccumulator accumulator,
        Action<Exception> onError, Action onCompleted) =>
        sources.Merge().Synchronize().Subscribe(e => accumulator.OnAccess(e), onError, onCompleted);

    /// <summary>
    /// Sends a few events through a throwaway <see cref="Collect"/> pipeline (and a path pool)
    /// before the function is released. Generic code over <see cref="AccessEvent"/> in
    /// System.Reactive and the base library cannot be precompiled with this assembly; compiled
    /// at the first real events instead, it ran on the other core beside the traced function.
    /// </summary>
    private static void CompileEventPath()
    {
        var pool = new PathPool();
        using var probe = new System.Reactive.Subjects.Subject<AccessEvent>();
        using (Collect([probe], new AccessAccumulator(), _ => { }, () => { }))
        {
            // Four paths: the accumulator's dictionary grows past its first size once.
            foreach (var path in (ReadOnlySpan<string>)["/a", "/b", "/c", "/d"])
            {
                probe.OnNext(new AccessEvent(pool.Intern(path), AccessKind.Stat, 0, null));
            }
            probe.OnCompleted();
        }
    }

    private async Task<TraceRun> TraceContainerAsync(TraceRequest request, bool auto, Gate gate, Task<long> exited,
        int pid, string workingDir, PathFilter filter, string id, CancellationToken ct)
    {
        var accumulator = new AccessAccumulator(filter);
        using var fanotify = request.Backend.HasFlag(TraceBackend.Fanotify)
            ? await ArmFanotifyAsync(request, pid, id, ct).ConfigureAwait(false)
            : null;
        using var ebpf = request.Backend.HasFlag(TraceBackend.Ebpf)
            ? await AttachEbpfAsync(request, auto, pid, workingDir, ct).ConfigureAwait(false)
            : null;
        if (ebpf is null && request.Backend.HasFlag(TraceBackend.Ebpf))
        {
            request = request with { Backend = TraceBackend.Both };
        }
        using var strace = request.Backend.HasFlag(TraceBackend.Strace)
            ? await StraceAttachment.AttachAsync(pid, workingDir, ct).ConfigureAwait(false)
            : null;
        var sources = new List<IObservable<AccessEvent>>();
        if (fanotify is not null)
        {
            sources.Add(fanotify.Events);
        }
        if (strace is not null)
        {
            sources.Add(strace.Events);
        }
        if (ebpf is not null)
        {
            sources.Add(ebpf.Events);
        }
        Exception? sourceFailure = null;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Collect(sources, accumulator,
            e => { sourceFailure = e; done.TrySetResult(); },
            () => done.TrySetResult());
        CompileEventPath();
        fanotify?.Start();
        TracingLog.Armed(_log, request.Backend);
        await gate.ReleaseAsync(exited, ReleaseTimeout, ct).ConfigureAwait(false);
        if (request.WhileRunning is { } whileRunning)
        {
            await whileRunning(id, ct).ConfigureAwait(false);
        }
        var exitCode = await WaitExitAsync(exited, request.Timeout, id, ct).ConfigureAwait(false);
        if (request.AfterExit is { } afterExit)
        {
            await afterExit(id, ct).ConfigureAwait(false);
        }
        fanotify?.Stop();
        if (strace is not null)
        {
            await strace.CompleteAsync(ct).ConfigureAwait(false);
        }
        if (ebpf is not null)
        {
            await ebpf.CompleteAsync(ct).ConfigureAwait(false);
        }
        await done.Task.WaitAsync(ct).ConfigureAwait(false);
        if (sourceFailure is not null)
        {
            throw sourceFailure;
        }
        if (fanotify is { Overflowed: true })
        {
            throw new TracerException("fanotify event queue overflowed", request.Image,
                "events were lost, so nothing may be built from this trace; trace a smaller run or use --tracer strace",
                ErrorCategory.TraceIncomplete);
        }
        if (strace is { Parser.Stats: { Unresolved: > 0 } or { Truncated: > 0 } })
        {
            TracingLog.StraceGaps(_log, strace.Parser.Stats.Unresolved, strace.Parser.Stats.Truncated);
        }
        var events = new Dictionary<string, long>();
        if (fanotify is not null)
        {
            events["fanotify"] = fanotify.EventCount;
        }
        if (strace is not null)
        {
            events["strace"] = strace.Parser.Stats.Accesses;
        }
        if (ebpf is not null)
        {
            events["ebpf"] = ebpf.Accesses;
        }
        var accesses = accumulator.ToAccessSet();
        IReadOnlyCollection<string> created = [.. strace?.Parser.CreatedPaths ?? [], .. ebpf?.CreatedPaths ?? []];
        return new TraceRun(request.Backend, exitCode, events, TraceMerge.MarkCreated(accesses, created));
    }

    /// <summary>Starts the eBPF loader; when the default chose eBPF and the kernel refuses the
    /// program anyway (an older kernel with BTF), returns null so the run falls back to both
    /// before the gate is released.</summary>
    private async Task<EbpfSource?> AttachEbpfAsync(TraceRequest request, bool auto, int pid, string workingDir,
        CancellationToken ct)
    {
        try
        {
            return await EbpfSource.AttachAsync(pid, workingDir, request.Ebpf, ct).ConfigureAwait(false);
        }
        catch (TracerException e) when (auto && e.Category == ErrorCategory.Environment)
        {
            Progress($"eBPF tracing unavailable ({e.Hint?.Split(';')[0] ?? e.What}); using fanotify and strace");
            return null;
        }
    }

    private async Task<FanotifySource> ArmFanotifyAsync(TraceRequest request, int pid, string id,
        CancellationToken ct)
    {
        var inspect = await engine.Client.Containers.InspectContainerAsync(id, ct).ConfigureAwait(false);
        string? merged = null;
        _ = inspect.GraphDriver?.Data?.TryGetValue("MergedDir", out merged);
        var source = FanotifySource.Open(request.Fanotify with
        {
            HostRootPrefix = merged,
            // Beside a syscall tracer, which sees every directory a syscall opens.
            Directories = request.Fanotify.Directories && (request.Backend & ~TraceBackend.Fanotify) == 0,
        });
        try
        {
            source.MarkFilesystem($"/proc/{pid}/root");
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private async Task<long> WaitExitAsync(Task<long> exited, TimeSpan timeout, string id, CancellationToken ct)
    {
        var finished = await Task.WhenAny(exited, Task.Delay(timeout, ct)).ConfigureAwait(false);
        if (finished != exited)
        {
            ct.ThrowIfCancellationRequested();
            await engine.KillAsync(id, "KILL", CancellationToken.None).ConfigureAwait(false);
            throw new TracerException("traced run timed out", $"{timeout.TotalSeconds:0} s",
                "the container was killed; raise --timeout or check that the command ends by itself",
                ErrorCategory.Timeout);
        }
        var code = await exited.ConfigureAwait(false);
        TracingLog.Exited(_log, DockerEngine.Short(id), code);
        Progress($"exited with {code}");
        return code;
    }

    private static string MountTarget(string bind)
    {
        var parts = bind.Split(':');
        return parts.Length >= 2 ? parts[1] : parts[0];
    }

    private sealed record TraceRun(TraceBackend Backend, long ExitCode, IReadOnlyDictionary<string, long> Events,
        AccessSet Accesses);
}
