using Tracer.Docker;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary><c>tracer verify</c>: a spec's probes on a given image, untraced, checked against the spec.</summary>
public static class ImageVerification
{
    public static async Task<ProbeOutcome> RunAsync(DockerEngine engine, FunctionSpec spec, string image,
        IReadOnlyDictionary<string, string> labels, CancellationToken ct)
    {
        await engine.PingAsync(ct).ConfigureAwait(false);
        var facts = ImageFacts.From(image, await engine.InspectImageAsync(image, ct).ConfigureAwait(false));
        var session = Guid.NewGuid().ToString("N")[..12];
        var all = new Dictionary<string, string>(labels) { [SlimPipeline.SessionLabel] = session };
        try
        {
            return await new ProbeRunner(new FunctionContainer(spec, facts, all), new UntracedHost(engine))
                .RunAsync(spec.Probes, ct).ConfigureAwait(false);
        }
        finally
        {
            await engine.RemoveLabelledAsync(SlimPipeline.SessionLabel, session).ConfigureAwait(false);
        }
    }
}
