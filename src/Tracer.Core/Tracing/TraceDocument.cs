namespace Tracer.Tracing;

/// <summary>The content of trace.json: run facts plus the sorted access records.</summary>
public sealed record TraceDocument(TraceFacts Facts, AccessSet Accesses);
