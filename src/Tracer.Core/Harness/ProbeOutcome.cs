using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>The probes' results on one image, in the spec's order, and the traces of the runs.</summary>
public sealed record ProbeOutcome(IReadOnlyList<ProbeResult> Results, IReadOnlyList<TraceDocument> Traces)
{
    public bool AllPassed => Results.All(static r => r.Passed);

    /// <summary>Every run's accesses merged into one set (first-seen facts win).</summary>
    public AccessSet MergedAccesses()
    {
        var set = new AccessSet();
        foreach (var trace in Traces)
        {
            set.MergeFrom(trace.Accesses);
        }
        return set;
    }
}
