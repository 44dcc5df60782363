using Tracer.Docker;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>
/// Connects the harness to the tracer and the synthesizer. The only place that names their
/// concrete types, so the pipeline itself stays testable with stand-ins.
/// </summary>
public static class PipelineParts
{
    public static Func<string, IFunctionHost> TracedHosts(DockerEngine engine) =>
        backend => new TracedHost(engine, TraceBackends.Parse(backend));

    public static IImageSynthesizer Synthesizer(DockerEngine engine) => new SynthesizerAdapter(engine);
}
