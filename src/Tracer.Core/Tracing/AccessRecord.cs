namespace Tracer.Tracing;

/// <summary>Everything known about one path: its kinds, who touched it first, how often.</summary>
/// <param name="Path">Absolute path as the container sees it.</param>
/// <param name="Kinds">Union of the kinds seen.</param>
/// <param name="FirstPid">Pid (in the host's namespace) of the first process seen using it.</param>
/// <param name="FirstProgram">That process's program (comm or exe path), when known.</param>
/// <param name="Count">How many events named it (after in-kernel or tracer de-duplication).</param>
public sealed record AccessRecord(
    string Path,
    AccessKind Kinds,
    int FirstPid,
    string? FirstProgram,
    long Count)
{
    /// <summary>True when the path existed and was used (not only a failed lookup).</summary>
    public bool Existed => (Kinds & ~(AccessKind.Missing | AccessKind.Create)) != 0;
}
