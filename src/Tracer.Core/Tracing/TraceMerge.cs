namespace Tracer.Tracing;

/// <summary>Rules applied once both sources are in.</summary>
public static class TraceMerge
{
    /// <summary>Files the function created are its own output: fanotify's FAN_OPEN of them does
    /// not make them image files. They keep only <see cref="AccessKind.Create"/> (and missing).</summary>
    public static AccessSet MarkCreated(AccessSet accesses, IReadOnlyCollection<string> created)
    {
        if (created.Count == 0)
        {
            return accesses;
        }
        var result = new AccessSet();
        foreach (var r in accesses.Sorted())
        {
            var kinds = created.Contains(r.Path) ? (r.Kinds & AccessKind.Missing) | AccessKind.Create : r.Kinds;
            result.Add(r with { Kinds = kinds });
        }
        return result;
    }
}
