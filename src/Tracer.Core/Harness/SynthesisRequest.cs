namespace Tracer.Harness;

/// <summary>What the harness asks the synthesizer for.</summary>
/// <param name="TraceFiles">trace.json files of the original's runs.</param>
/// <param name="Include">Globs kept whatever the trace says: the spec's, plus repaired paths.</param>
/// <param name="OutputDirectory">Where Dockerfile, rootfs.tar and kept.txt go.</param>
public sealed record SynthesisRequest(
    ImageFacts Original,
    IReadOnlyList<string> TraceFiles,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string Tag,
    string OutputDirectory)
{
    /// <summary>Users the probes run as besides the image's USER (the spec's <c>user:</c>).</summary>
    public IReadOnlyList<string> RunAs { get; init; } = [];
}
