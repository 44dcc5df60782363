namespace Tracer.Tracing;

/// <summary>Interns path strings so a path seen again costs a lookup, not an allocation.</summary>
internal sealed class PathPool
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PathPool() => _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _set.Count;

    public string Intern(ReadOnlySpan<char> path)
    {
        if (_lookup.TryGetValue(path, out var existing))
        {
            return existing;
        }
        var s = path.ToString();
        _set.Add(s);
        return s;
    }
}
