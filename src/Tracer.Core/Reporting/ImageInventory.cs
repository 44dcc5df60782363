namespace Tracer.Reporting;

/// <summary>What an image holds: its size, every path in its tree, and its Debian packages.</summary>
public sealed class ImageInventory(string image, string id, long sizeBytes,
    IReadOnlyDictionary<string, InventoryEntry> entries, IReadOnlyList<string> packages)
{
    public string Image { get; } = image;
    public string Id { get; } = id;
    public long SizeBytes { get; } = sizeBytes;
    public IReadOnlyDictionary<string, InventoryEntry> Entries { get; } = entries;
    /// <summary>Package names, sorted: from dpkg's status file and status.d records.</summary>
    public IReadOnlyList<string> Packages { get; } = packages;

    /// <summary>Everything that is not a directory: files, symlinks, hard links, devices.</summary>
    public int FileCount => Entries.Values.Count(static e => e.Type != InventoryEntryType.Directory);

    public bool Contains(string path) => Entries.ContainsKey(path);

    /// <summary>
    /// Follows symlinks inside this tree (absolute targets against the image root, never the
    /// host), component by component; returns the final path, or null on a loop or dangling link.
    /// </summary>
    public string? Resolve(string path)
    {
        var parts = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = "";
        for (var hops = 0; parts.Count > 0;)
        {
            var part = parts.Pop();
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = current.Length == 0 ? "" : current[..current.LastIndexOf('/')];
                continue;
            }
            var next = current + "/" + part;
            if (!Entries.TryGetValue(next, out var entry))
            {
                return null;
            }
            if (entry.Type != InventoryEntryType.Symlink || entry.LinkTarget is null)
            {
                current = next;
                continue;
            }
            if (++hops > 40)
            {
                return null; // ELOOP, as the kernel's limit.
            }
            foreach (var p in entry.LinkTarget.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                parts.Push(p);
            }
            if (entry.LinkTarget.StartsWith('/'))
            {
                current = "";
            }
        }
        return current.Length == 0 ? "/" : current;
    }
}
