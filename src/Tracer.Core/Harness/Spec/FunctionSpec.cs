namespace Tracer.Harness.Spec;

/// <summary>A validated function spec: the image, how to run it, and the probes that prove it.</summary>
public sealed record FunctionSpec
{
    /// <summary>Absolute path of the spec file; relative paths in it resolve against its folder.</summary>
    public required string SourcePath { get; init; }
    public required string Image { get; init; }
    /// <summary>Replaces the image's CMD when set.</summary>
    public IReadOnlyList<string>? Command { get; init; }
    /// <summary>Added to (or replacing) the image's ENV, in the spec's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];
    public string? User { get; init; }
    public string? Workdir { get; init; }
    /// <summary>host, bridge or none; null keeps the engine's default (bridge).</summary>
    public string? Network { get; init; }
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];
    public IReadOnlyList<Probe> Probes { get; init; } = [];
    public Readiness? Readiness { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Probes that run the container's own command to completion.</summary>
    public IEnumerable<Probe> RunProbes => Probes.Where(static p => p.Kind == ProbeKind.Run);

    /// <summary>A service (kept running while its probes run): it has http probes or a readiness check.</summary>
    public bool IsService => Readiness is not null || Probes.Any(static p => p.Kind == ProbeKind.Http);

    /// <summary>Probes that need the function running as a service (exec and http).</summary>
    public IEnumerable<Probe> ServiceProbes => Probes.Where(static p => p.Kind != ProbeKind.Run);
}
