namespace Tracer.Tracing;

/// <summary>
/// The merged, de-duplicated record of what a traced function used. Not thread-safe: sources
/// feed it through one observer (see the Reactive merge in the tracing session).
/// </summary>
public sealed class AccessSet
{
    private readonly Dictionary<string, AccessRecord> _records = new(StringComparer.Ordinal);

    public int Count => _records.Count;

    public void Add(string path, AccessKind kind, int pid, string? program, long count = 1)
    {
        if (_records.TryGetValue(path, out var existing))
        {
            // First-seen facts win, except that a known program replaces an unknown one.
            var takeProgram = existing.FirstProgram is null && program is not null;
            _records[path] = existing with
            {
                Kinds = existing.Kinds | kind,
                Count = existing.Count + count,
                FirstPid = takeProgram ? pid : existing.FirstPid,
                FirstProgram = takeProgram ? program : existing.FirstProgram,
            };
            return;
        }
        _records[path] = new AccessRecord(path, kind, pid, program, count);
    }

    public void Add(AccessRecord record) =>
        Add(record.Path, record.Kinds, record.FirstPid, record.FirstProgram, record.Count);

    /// <summary>Adds every record of <paramref name="other"/>; first-seen facts of this set win.</summary>
    public void MergeFrom(AccessSet other)
    {
        foreach (var record in other._records.Values)
        {
            Add(record);
        }
    }

    public bool TryGet(string path, out AccessRecord record) =>
        _records.TryGetValue(path, out record!);

    /// <summary>Records sorted by path (ordinal), so identical runs serialise identically.</summary>
    public IReadOnlyList<AccessRecord> Sorted()
    {
        var list = _records.Values.ToList();
        list.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    /// <summary>Paths that existed and were used, sorted: the allowlist.</summary>
    public IReadOnlyList<string> AllowedPaths() =>
        Sorted().Where(static r => r.Existed).Select(static r => r.Path).ToList();
}
