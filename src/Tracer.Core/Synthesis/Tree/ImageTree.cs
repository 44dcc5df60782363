namespace Tracer.Synthesis.Tree;

/// <summary>
/// The merged file tree of an image (layers applied, whiteouts honoured), indexed by path.
/// Holds metadata only; content is opened through <see cref="Content"/>.
/// </summary>
public sealed class ImageTree(IContentStore content)
{
    /// <summary>Linux MAXSYMLINKS: the kernel gives ELOOP after 40 links in one lookup.</summary>
    public const int MaxSymlinkHops = 40;

    private readonly Dictionary<string, TreeEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _children = new(StringComparer.Ordinal);

    public IContentStore Content { get; } = content;

    public int Count => _entries.Count;

    public TreeEntry? Get(string path) => _entries.GetValueOrDefault(path);

    /// <summary>All entries in ordinal path order.</summary>
    public IEnumerable<TreeEntry> Sorted() =>
        _entries.Values.OrderBy(static e => e.Path, StringComparer.Ordinal);

    public IEnumerable<TreeEntry> Entries => _entries.Values;

    /// <summary>Adds or replaces an entry. Replacing a directory by a non-directory drops its subtree.</summary>
    public void Set(TreeEntry entry)
    {
        if (_entries.TryGetValue(entry.Path, out var old)
            && old.Type == TreeEntryType.Directory && entry.Type != TreeEntryType.Directory)
        {
            RemoveChildren(entry.Path, int.MaxValue);
        }
        _entries[entry.Path] = entry;
        if (entry.Path == TreePath.Root)
        {
            return;
        }
        var parent = TreePath.Parent(entry.Path);
        if (!_children.TryGetValue(parent, out var set))
        {
            _children[parent] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        set.Add(entry.Path);
    }

    /// <summary>Removes a path and everything below it (a whiteout).</summary>
    public void Remove(string path)
    {
        RemoveChildren(path, int.MaxValue);
        if (_entries.Remove(path) && _children.TryGetValue(TreePath.Parent(path), out var siblings))
        {
            siblings.Remove(path);
        }
    }

    /// <summary>Removes what lies below <paramref name="directory"/> from layers before
    /// <paramref name="beforeLayer"/> (an opaque-directory whiteout).</summary>
    public void RemoveChildren(string directory, int beforeLayer)
    {
        if (!_children.TryGetValue(directory, out var children))
        {
            return;
        }
        foreach (var child in children.ToList())
        {
            var entry = _entries[child];
            if (entry.Layer >= beforeLayer)
            {
                continue;
            }
            RemoveChildren(child, int.MaxValue);
            _entries.Remove(child);
            children.Remove(child);
        }
    }

    public IEnumerable<string> Children(string directory) =>
        _children.TryGetValue(directory, out var set) ? set : [];

    /// <summary>
    /// Walks <paramref name="path"/> the way the kernel does, inside this tree: absolute links
    /// restart at the image root, relative ones at the link's directory, ".." goes up from the
    /// real directory. Every symlink passed is added to <paramref name="links"/>.
    /// </summary>
    /// <returns>The real path, or null when a component is missing, not a directory, or the
    /// walk loops.</returns>
    public string? Resolve(string path, bool followFinal, ICollection<string>? links = null)
    {
        var pending = new List<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        pending.Reverse();
        var current = TreePath.Root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var component = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (component == ".")
            {
                continue;
            }
            if (component == "..")
            {
                current = TreePath.Parent(current);
                continue;
            }
            var next = TreePath.Join(current, component);
            if (Get(next) is not { } entry)
            {
                return null;
            }
            if (entry.Type == TreeEntryType.Symlink && (pending.Count > 0 || followFinal))
            {
                links?.Add(next);
                if (++hops > MaxSymlinkHops)
                {
                    return null;
                }
                var target = entry.LinkTarget ?? "";
                var parts = target.Split('/', StringSplitOptions.RemoveEmptyEntries);
                for (var i = parts.Length - 1; i >= 0; i--)
                {
                    pending.Add(parts[i]);
                }
                if (target.StartsWith('/'))
                {
                    current = TreePath.Root;
                }
                continue;
            }
            if (pending.Count > 0 && entry.Type != TreeEntryType.Directory)
            {
                return null;
            }
            current = next;
        }
        return current;
    }
}
