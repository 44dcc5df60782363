namespace Tracer.Harness;

/// <summary>The loaded minimal image and the files written beside it.</summary>
public sealed record SynthesisResult(string ImageId, string Tag, IReadOnlyList<string> Artifacts);
