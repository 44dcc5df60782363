namespace Tracer.Reporting;

/// <summary>
/// One verification of a minimal image: round 0 is the first build; each later round added the
/// paths the previous round found missing.
/// </summary>
/// <param name="MissingPaths">Paths the failing probes looked up on the minimal image (under strace)
/// that exist in the original but not in the minimal image.</param>
public sealed record RepairRound(int Round, string ImageId, bool Verified, IReadOnlyList<string> FailingProbes,
    IReadOnlyList<string> MissingPaths, IReadOnlyList<string> AddedPaths);
