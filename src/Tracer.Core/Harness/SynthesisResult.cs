namespace Tracer.Harness;

/// <summary>The loaded minimal image, the files written beside it, and why each path was kept.</summary>
/// <param name="KeptRules">Kept path → the closure rule that kept it (traced, symlink, elf, include…).</param>
public sealed record SynthesisResult(string ImageId, string Tag, IReadOnlyList<string> Artifacts,
    IReadOnlyDictionary<string, string> KeptRules)
{
    /// <summary>The synthesizer's <c>warning:</c> lines about paths the traces used that the image
    /// lacks (<see cref="Synthesis.Synthesizer.MissingWarnings"/>).</summary>
    public IReadOnlyList<string> MissingWarnings { get; init; } = [];
    /// <summary>Paths an exclude glob kept out, with the reason (<c>excluded</c> in synth's JSON).</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();
}
