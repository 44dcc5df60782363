namespace Tracer.Reporting;

/// <summary>How a lazily loaded group fared: present in the original, touched by the trace, kept.</summary>
/// <param name="Touched">False means no probe reached it: the minimal image lacks it unless included.</param>
public sealed record LazyGroupStatus(string Name, string Where, int FilesInOriginal, int FilesInMinimal,
    bool Touched);
