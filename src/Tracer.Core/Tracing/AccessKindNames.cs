namespace Tracer.Tracing;

/// <summary>The lower-case names used for <see cref="AccessKind"/> in trace.json.</summary>
public static class AccessKindNames
{
    private static readonly (AccessKind Kind, string Name)[] Names =
    [
        (AccessKind.Exec, "exec"),
        (AccessKind.Open, "open"),
        (AccessKind.Dir, "dir"),
        (AccessKind.Stat, "stat"),
        (AccessKind.Readlink, "readlink"),
        (AccessKind.Missing, "missing"),
        (AccessKind.Create, "create"),
    ];

    public static IReadOnlyList<string> ToNames(AccessKind kinds)
    {
        var list = new List<string>(2);
        foreach (var (kind, name) in Names)
        {
            if ((kinds & kind) != 0)
            {
                list.Add(name);
            }
        }
        return list;
    }

    /// <summary>Parses one name; returns <see cref="AccessKind.None"/> when it is unknown.</summary>
    public static AccessKind Parse(string name)
    {
        foreach (var (kind, known) in Names)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return AccessKind.None;
    }
}
