using Docker.DotNet.Models;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>
/// A service image's HEALTHCHECK is carried over into the minimal image, and an orchestrator
/// acts on it (restarts, load balancers), so <c>tracer slim</c> runs it as one more exec probe,
/// named <see cref="Name"/>, on both images: what it uses is traced and kept, and a minimal image
/// that would turn unhealthy fails verification. Its own interval (often 30 s) would rarely let
/// the engine run it during a trace.
/// </summary>
public static class HealthcheckProbe
{
    public const string Name = "healthcheck";

    /// <summary>The spec with the probe added; unchanged for a batch function, an image without
    /// a HEALTHCHECK (or with NONE), or a spec that names a probe "healthcheck" itself.</summary>
    public static FunctionSpec AddTo(FunctionSpec spec, HealthcheckConfig? health)
    {
        if (!spec.IsService || spec.Probes.Any(static p => p.Name == Name) || Command(health) is not { } command)
        {
            return spec;
        }
        var probe = new Probe
        {
            Name = Name,
            Kind = ProbeKind.Exec,
            Exec = command,
            Expect = new ProbeExpectation { ExitCode = 0 },
        };
        return spec with { Probes = [.. spec.Probes, probe] };
    }

    /// <summary>["CMD", args…] runs args; ["CMD-SHELL", line] runs the line with /bin/sh -c, as
    /// the engine does; ["NONE"] and an empty test mean no check.</summary>
    private static IReadOnlyList<string>? Command(HealthcheckConfig? health) => health?.Test?.ToList() switch
    {
        ["CMD", .. var args] when args.Count > 0 => args,
        ["CMD-SHELL", var line] => ["/bin/sh", "-c", line],
        _ => null,
    };
}
