namespace Tracer.Tracing;

/// <summary>Rules applied once both sources are in.</summary>
public static class TraceMerge
{
    /// <summary>Files the function created are its own output: fanotify's FAN_OPEN of them does
    /// not make them image files. They keep only <see cref="AccessKind.Create"/> (and missing).
    /// A path is created when <paramref name="created"/> names it (strace's final verdict) or
    /// any source recorded it as created (fanotify's unlinked "(deleted)" files).</summary>
    public static AccessSet MarkCreated(AccessSet accesses, IReadOnlyCollection<string> created)
    {
        var result = new AccessSet();
        foreach (var r in accesses.Sorted())
        {
            var isCreated = (r.Kinds & AccessKind.Create) != 0 || created.Contains(r.Path);
            var kinds = isCreated ? (r.Kinds & AccessKind.Missing) | AccessKind.Create : r.Kinds;
            result.Add(r with { Kinds = kinds });
        }
        return result;
    }
}
