namespace Tracer.Synthesis;

/// <summary>One path of the minimal image and the closure rule that kept it (kept.txt).</summary>
public sealed record KeptPath(string Path, string Rule);
