namespace Tracer.Reporting;

/// <summary>Risky files removed per category, and those kept with the reason.</summary>
public sealed record AttackSurface(
    IReadOnlyDictionary<SurfaceCategory, IReadOnlyList<string>> Removed,
    IReadOnlyList<KeptTool> Kept);
