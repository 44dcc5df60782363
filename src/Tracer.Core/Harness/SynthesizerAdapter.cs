using Tracer.Docker;
using Tracer.Synthesis;
using Tracer.Synthesis.Output;

namespace Tracer.Harness;

/// <summary>The harness's view of <see cref="Synthesizer"/>: same rules as <c>tracer synth</c>.</summary>
public sealed class SynthesizerAdapter(DockerEngine engine) : IImageSynthesizer
{
    public async Task<SynthesisResult> SynthesizeAsync(SynthesisRequest request, CancellationToken ct)
    {
        var result = await Synthesizer.RunAsync(new SynthesisOptions
        {
            Image = request.Original.Id,
            Traces = request.TraceFiles,
            Tag = request.Tag,
            OutputDirectory = request.OutputDirectory,
            Includes = request.Include,
            Excludes = request.Exclude,
            RunAs = request.RunAs,
            Engine = engine,
        }, ct).ConfigureAwait(false);
        string[] files = [DockerfileWriter.LayerFileName, Synthesizer.DockerfileName, Synthesizer.KeptFileName];
        return new SynthesisResult(result.ImageId, result.Tag,
            files.Select(f => Path.Combine(request.OutputDirectory, f)).ToList(),
            result.Kept.ToDictionary(static k => k.Path, static k => k.Rule, StringComparer.Ordinal))
        {
            MissingWarnings = Synthesizer.MissingWarnings(result.Missing, request.OutputDirectory),
            Excluded = result.Excluded,
        };
    }
}
