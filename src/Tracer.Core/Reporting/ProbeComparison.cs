using Tracer.Harness;

namespace Tracer.Reporting;

/// <summary>One probe on both sides. <see cref="Minimal"/> is null when no minimal image was built.</summary>
public sealed record ProbeComparison(string Name, ProbeResult Original, ProbeResult? Minimal)
{
    public bool Same => Minimal is not null && ProbeCheck.Same(Original, Minimal);
}
