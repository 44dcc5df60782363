namespace Tracer.Synthesis;

/// <summary>What a synthesis produced: the image, the kept set, and the figures a report needs.</summary>
public sealed record SynthesisResult
{
    public required string ImageId { get; init; }
    /// <summary>NAME:TAG, or empty when the image was not loaded.</summary>
    public required string Tag { get; init; }
    public required string SourceImageId { get; init; }
    /// <summary>Every kept path with its rule, sorted by path (kept.txt).</summary>
    public required IReadOnlyList<KeptPath> Kept { get; init; }
    /// <summary>Used by the function (per the traces) but not in the image: listed, not fatal.</summary>
    public required IReadOnlyList<string> Missing { get; init; }
    /// <summary>Paths a rule wanted but an exclusion (runtime, --exclude) refused, with why.</summary>
    public required IReadOnlyDictionary<string, string> Excluded { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>Debian packages with a status.d record in the minimal image.</summary>
    public required IReadOnlyList<string> Packages { get; init; }
    /// <summary>The source image's size as the engine reports it.</summary>
    public long SourceBytes { get; init; }
    /// <summary>Entries in the source tree and in the minimal layer.</summary>
    public int SourceEntries { get; init; }
    public int LayerEntries { get; init; }
    /// <summary>The layer tar's size (rootfs.tar).</summary>
    public long LayerBytes { get; init; }
    public required string LayerPath { get; init; }
    public TimeSpan SaveTime { get; init; }
    /// <summary>Index, closure and output: the synthesis proper, without engine save/load.</summary>
    public TimeSpan SynthesisTime { get; init; }
    public TimeSpan LoadTime { get; init; }
}
