namespace Tracer.Reporting;

/// <summary>A risky program still in the minimal image, and why.</summary>
/// <param name="UsedByPid">The first process that ran it (host pid), when the trace saw one.</param>
/// <param name="UsedByProgram">That process's program.</param>
public sealed record KeptTool(SurfaceCategory Category, string Path, string Reason, int? UsedByPid,
    string? UsedByProgram);
