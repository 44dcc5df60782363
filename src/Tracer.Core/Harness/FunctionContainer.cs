using Tracer.Docker;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>
/// Turns the spec and the image's config into the container to run. The full command is
/// computed here (entrypoint + cmd, with the spec's overrides), so a traced host can put its
/// gate in front of exactly what <c>docker run</c> would start.
/// </summary>
public sealed class FunctionContainer(FunctionSpec spec, ImageFacts image, IReadOnlyDictionary<string, string> labels)
{
    public FunctionSpec Spec { get; } = spec;
    public ImageFacts Image { get; } = image;

    /// <summary>The function's own command: ENTRYPOINT + (the probe's or spec's command, else CMD).</summary>
    public IReadOnlyList<string> Command(Probe? runProbe = null) =>
        [.. Image.Entrypoint, .. runProbe?.RunCommand ?? Spec.Command ?? Image.Cmd];

    /// <summary>The user probes run as: the spec's, else the image's USER.</summary>
    public string? User => Spec.User ?? NullIfEmpty(Image.User);

    /// <summary>The folder probes run in: the spec's, else the image's WORKDIR.</summary>
    public string? WorkingDir => Spec.Workdir ?? NullIfEmpty(Image.WorkingDir);

    /// <summary>True when the network is the host's, so http probes reach container ports directly.</summary>
    public bool HostNetwork => Spec.Network == "host";

    /// <summary>The container for <paramref name="command"/> with the function's user, folder, env and mounts.</summary>
    public ContainerSpec For(IReadOnlyList<string> command) => new()
    {
        Image = Image.Id,
        Entrypoint = command,
        Cmd = null,
        Env = Spec.Env.Select(static kv => $"{kv.Key}={kv.Value}").ToList(),
        User = User,
        WorkingDir = WorkingDir,
        Binds = Spec.Mounts.Select(static m => m.Bind).ToList(),
        NetworkMode = Spec.Network,
        LoopbackPorts = HostNetwork ? [] : ServicePorts().Select(static p => $"{p}/tcp").ToList(),
        Labels = labels,
    };

    /// <summary>Container ports the host must reach: every http probe's, and the readiness port.</summary>
    public IReadOnlyList<int> ServicePorts() =>
        Spec.Probes.Where(static p => p.Http is not null).Select(static p => p.Http!.Port)
            .Concat(Spec.Readiness?.Port is { } port ? [port] : [])
            .Distinct().Order().ToList();

    /// <summary>
    /// A service keeps running while probes reach it (it has http probes or a readiness check).
    /// A batch function's command exits, so its exec probes each run as the container's command.
    /// </summary>
    public bool IsService => Spec.IsService;

    /// <summary>This container on another image (the minimal one): same command, user, env, mounts.</summary>
    /// <remarks>The other image's own config is used, so a config the synthesizer got wrong shows.</remarks>
    public FunctionContainer OnImage(ImageFacts other) => new(Spec, other, labels);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
