namespace Tracer.Reporting;

/// <summary>A path of the original that an exclude glob kept out of the minimal image, and why.</summary>
public sealed record ExcludedPath(string Path, string Reason);
