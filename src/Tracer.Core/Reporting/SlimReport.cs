namespace Tracer.Reporting;

/// <summary>Everything <c>tracer slim</c> found out: the content of report.json and report.md.</summary>
public sealed record SlimReport
{
    public int Version { get; init; } = 1;
    /// <summary>True when every probe passed on the minimal image as it did on the original.</summary>
    public bool Verified { get; init; }
    /// <summary>One sentence: what happened.</summary>
    public string Outcome { get; init; } = "";
    public string Spec { get; init; } = "";
    /// <summary>The backend asked for (<c>auto</c> by default).</summary>
    public string Tracer { get; init; } = "";
    /// <summary>The backends the traced runs used: what <c>auto</c> resolved to, or its fallback.</summary>
    public IReadOnlyList<string> TracedWith { get; init; } = [];
    public required ImageSummary Original { get; init; }
    public ImageSummary? Minimal { get; init; }
    public IReadOnlyList<ProbeComparison> Probes { get; init; } = [];
    public IReadOnlyList<StageTime> Stages { get; init; } = [];
    public IReadOnlyList<RepairRound> Rounds { get; init; } = [];
    public AttackSurface? AttackSurface { get; init; }
    public IReadOnlyList<LazyGroupStatus> LazyGroups { get; init; } = [];
    /// <summary>What exclude globs (reason "exclude GLOB") or the runtime ("runtime") kept out of
    /// the minimal image that the trace or a rule would have kept, sorted by path.</summary>
    public IReadOnlyList<ExcludedPath> Excluded { get; init; } = [];
    /// <summary>Files written next to the report: trace, Dockerfile, rootfs.tar, kept.txt…</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];
}
