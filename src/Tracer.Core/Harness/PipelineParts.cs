using Tracer.Docker;

namespace Tracer.Harness;

/// <summary>
/// Connects the harness to the tracer and the synthesizer. The only place that names their
/// concrete types, so the pipeline itself stays testable with stand-ins.
/// </summary>
public static class PipelineParts
{
    public static Func<string, IFunctionHost> TracedHosts(DockerEngine engine) =>
        backend => throw new TracerException("tracing backend not available in this build", backend,
            "this build lacks the tracer", ErrorCategory.Environment);

    public static IImageSynthesizer Synthesizer(DockerEngine engine) => new MissingSynthesizer();

    private sealed class MissingSynthesizer : IImageSynthesizer
    {
        public Task<SynthesisResult> SynthesizeAsync(SynthesisRequest request, CancellationToken ct) =>
            throw new TracerException("synthesizer not available in this build", request.Tag,
                "this build lacks the synthesizer", ErrorCategory.Environment);
    }
}
