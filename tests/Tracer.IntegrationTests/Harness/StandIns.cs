using Tracer.Harness;

namespace Tracer.IntegrationTests.Harness;

/// <summary>Pipeline parts for tests that exercise the harness without the tracer or synthesizer.</summary>
internal sealed class StandIns
{
    /// <summary>"Synthesizes" by tagging nothing: returns the original image as the minimal one.</summary>
    public sealed class OriginalAsMinimal : IImageSynthesizer
    {
        public int Calls { get; private set; }

        /// <summary>Handed back as the synthesizer's missing-path warnings.</summary>
        public IReadOnlyList<string> MissingWarnings { get; init; } = [];

        public Task<SynthesisResult> SynthesizeAsync(SynthesisRequest request, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(new SynthesisResult(request.Original.Id, request.Original.Reference, [],
                new Dictionary<string, string>())
            { MissingWarnings = MissingWarnings });
        }
    }

    public sealed class CollectingProgress : ISlimProgress
    {
        public List<string> Lines { get; } = [];

        public void Stage(string stage, string detail) => Lines.Add($"{stage}: {detail}");

        public void Info(string line) => Lines.Add(line);

        public void Warning(string line) => Lines.Add("warning: " + line);
    }
}
