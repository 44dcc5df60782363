namespace Tracer.Reporting;

/// <summary>How long one stage of the pipeline took.</summary>
public sealed record StageTime(string Stage, double Seconds);
