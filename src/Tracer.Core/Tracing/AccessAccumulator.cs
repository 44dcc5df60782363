using System.Runtime.InteropServices;

namespace Tracer.Tracing;

/// <summary>
/// Folds access events into per-path entries without allocating once a path is known;
/// <see cref="ToAccessSet"/> builds the shared <see cref="AccessSet"/> at the end of a run.
/// </summary>
public sealed class AccessAccumulator : IAccessSink
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly PathFilter? _filter;

    public AccessAccumulator(PathFilter? filter = null) => _filter = filter;

    public long Events { get; private set; }

    public int Count => _entries.Count;

    public void OnAccess(in AccessEvent access)
    {
        Events++;
        if (_filter is not null && _filter.IsExcluded(access.Path))
        {
            return;
        }
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, access.Path, out var exists);
        // Which source's event arrives first is a race; the first attributed one (strace) wins,
        // so the same run always names the same first process.
        if (!exists || (!entry.Attributed && (access.Attributed || entry.Program is null)))
        {
            entry.FirstPid = access.Pid;
            entry.Program = access.Program ?? entry.Program;
            entry.Attributed = access.Attributed;
        }
        entry.Kinds |= access.Kind;
        entry.Count++;
    }

    public AccessSet ToAccessSet()
    {
        var set = new AccessSet();
        foreach (var (path, e) in _entries)
        {
            set.Add(path, e.Kinds, e.FirstPid, e.Program, e.Count);
        }
        return set;
    }

    private struct Entry
    {
        public AccessKind Kinds;
        public int FirstPid;
        public string? Program;
        public bool Attributed;
        public long Count;
    }
}
