using Tracer.Reporting;

namespace Tracer.Tests.Reporting;

/// <summary>Builds small in-memory image trees for report tests.</summary>
internal sealed class InventoryBuilder(string image)
{
    private readonly Dictionary<string, InventoryEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _packages = [];

    public InventoryBuilder File(string path, int mode = 0x1ED)
    {
        Parents(path);
        _entries[path] = new InventoryEntry(path, InventoryEntryType.File, mode, 100, null);
        return this;
    }

    public InventoryBuilder Link(string path, string target)
    {
        Parents(path);
        _entries[path] = new InventoryEntry(path, InventoryEntryType.Symlink, 0x1FF, 0, target);
        return this;
    }

    public InventoryBuilder Package(string name)
    {
        _packages.Add(name);
        return this;
    }

    public ImageInventory Build(long size = 1000) => new(image, "sha256:" + image.GetHashCode().ToString("x8"), size,
        new Dictionary<string, InventoryEntry>(_entries), _packages.Order(StringComparer.Ordinal).ToList());

    private void Parents(string path)
    {
        for (var i = path.LastIndexOf('/'); i > 0; i = path.LastIndexOf('/', i - 1))
        {
            var dir = path[..i];
            _entries.TryAdd(dir, new InventoryEntry(dir, InventoryEntryType.Directory, 0x1ED, 0, null));
        }
    }
}
