namespace Tracer.Tracing;

/// <summary>Facts about one traced run, written beside its accesses in trace.json.</summary>
public sealed record TraceFacts
{
    /// <summary>The image reference the user gave.</summary>
    public string Image { get; init; } = "";
    /// <summary>The image id (sha256:…) the run used; synthesis refuses a trace of another.</summary>
    public string ImageId { get; init; } = "";
    /// <summary>The command that ran (entrypoint + cmd as the gate exec'd it).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    public int? ExitCode { get; init; }
    /// <summary>fanotify, strace, both, ebpf, …</summary>
    public string Backend { get; init; } = "";
    /// <summary>Raw events received per source, before de-duplication.</summary>
    public IReadOnlyDictionary<string, long> Events { get; init; } = new Dictionary<string, long>();
    public double DurationSeconds { get; init; }
    /// <summary>Targets of bind mounts and volumes: used, but never allowlisted or copied.</summary>
    public IReadOnlyList<string> BindMounts { get; init; } = [];
}
