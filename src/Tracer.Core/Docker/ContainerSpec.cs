namespace Tracer.Docker;

/// <summary>How to run one container. Null fields keep the image's own setting.</summary>
public sealed record ContainerSpec
{
    public required string Image { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    /// <summary>KEY=VALUE entries added to (or replacing) the image's Env.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];
    public string? User { get; init; }
    public string? WorkingDir { get; init; }
    /// <summary>Docker bind strings: <c>/host:/container[:ro]</c>.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];
    /// <summary>host, bridge or none. Default: bridge.</summary>
    public string? NetworkMode { get; init; }
    /// <summary>Container ports ("8080/tcp") published on 127.0.0.1 only.</summary>
    public IReadOnlyList<string> LoopbackPorts { get; init; } = [];
    /// <summary>Extra labels; <see cref="DockerLabels.Managed"/> is always added.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public bool OpenStdin { get; init; }
}
