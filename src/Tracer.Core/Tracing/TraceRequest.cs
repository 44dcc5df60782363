namespace Tracer.Tracing;

/// <summary>One traced run of an image: what <c>tracer trace</c> was asked to do.</summary>
public sealed record TraceRequest
{
    public required string Image { get; init; }
    /// <summary>Replaces the image's Entrypoint when set (and then, as with docker run
    /// --entrypoint, the image's Cmd is not used).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }
    /// <summary>Replaces the image's Cmd when not empty; the Entrypoint stays.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    public IReadOnlyList<string> Env { get; init; } = [];
    public string? User { get; init; }
    /// <summary>Docker bind strings <c>SRC:DST[:ro]</c>; DST is never allowlisted.</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary><see cref="TraceBackend.Auto"/>: ebpf+fanotify when the kernel allows it, else both.</summary>
    public TraceBackend Backend { get; init; } = TraceBackend.Auto;
    public string? NetworkMode { get; init; }
    /// <summary>Extra container labels (tests add their run id).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public Fanotify.FanotifyOptions Fanotify { get; init; } = new();
    /// <summary>Replaces the image's WorkingDir when set.</summary>
    public string? WorkingDir { get; init; }
    /// <summary>Container ports ("8080/tcp") published on 127.0.0.1 only (http probes).</summary>
    public IReadOnlyList<string> LoopbackPorts { get; init; } = [];
    /// <summary>Called with the container id once the gate is released (the harness runs its
    /// service probes here and may stop the container); the exit is awaited afterwards.</summary>
    public Func<string, CancellationToken, Task>? WhileRunning { get; init; }
    /// <summary>Called with the container id after the exit, before removal (logs).</summary>
    public Func<string, CancellationToken, Task>? AfterExit { get; init; }
    public Ebpf.EbpfOptions Ebpf { get; init; } = new();
}
