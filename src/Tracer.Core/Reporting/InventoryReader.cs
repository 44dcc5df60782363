using System.Formats.Tar;
using System.Text;
using Tracer.Docker;

namespace Tracer.Reporting;

/// <summary>
/// Lists an image's tree by exporting a created, never started container (the engine applies
/// the layers and whiteouts for us), and counts its Debian packages on the way.
/// </summary>
public static class InventoryReader
{
    private const string DpkgStatus = "/var/lib/dpkg/status";
    private const string DpkgStatusDir = "/var/lib/dpkg/status.d/";

    public static async Task<ImageInventory> ReadAsync(DockerEngine engine, string image,
        IReadOnlyDictionary<string, string> labels, CancellationToken ct)
    {
        var inspect = await engine.InspectImageAsync(image, ct).ConfigureAwait(false);
        // Never started: the entrypoint only has to satisfy create for images without a command.
        var id = await engine.CreateAsync(new ContainerSpec
        {
            Image = inspect.ID,
            Entrypoint = ["/.tracer-inventory-never-started"],
            NetworkMode = "none",
            Labels = labels,
        }, ct).ConfigureAwait(false);
        try
        {
            using var export = await engine.Client.Containers.ExportContainerAsync(id, ct).ConfigureAwait(false);
            // Large reads only: the client's chunked stream fails on the tar reader's small ones.
            using var tar = new BufferedStream(export, 1 << 20);
            var (entries, packages) = await ReadTarAsync(tar, ct).ConfigureAwait(false);
            return new ImageInventory(image, inspect.ID, inspect.Size, entries, packages);
        }
        finally
        {
            await engine.RemoveAsync(id).ConfigureAwait(false);
        }
    }

    public static async Task<(IReadOnlyDictionary<string, InventoryEntry>, IReadOnlyList<string>)> ReadTarAsync(
        Stream tar, CancellationToken ct)
    {
        var entries = new Dictionary<string, InventoryEntry>(StringComparer.Ordinal);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false) is { } entry)
        {
            var path = Normalise(entry.Name);
            if (path.Length == 0)
            {
                continue;
            }
            var type = TypeOf(entry.EntryType);
            var link = entry.EntryType == TarEntryType.HardLink ? "/" + Normalise(entry.LinkName).TrimStart('/')
                : string.IsNullOrEmpty(entry.LinkName) ? null : entry.LinkName;
            entries[path] = new InventoryEntry(path, type, (int)entry.Mode, entry.Length, link);
            if (path == DpkgStatus && entry.DataStream is { } data)
            {
                // The export stream only reads asynchronously; the status file is small.
                using var status = new MemoryStream();
                await data.CopyToAsync(status, ct).ConfigureAwait(false);
                status.Position = 0;
                foreach (var name in InstalledPackages(status))
                {
                    packages.Add(name);
                }
            }
            else if (path.StartsWith(DpkgStatusDir, StringComparison.Ordinal) && type == InventoryEntryType.File)
            {
                packages.Add(path[DpkgStatusDir.Length..].Split(':')[0]);
            }
        }
        return (entries, packages.ToList());
    }

    /// <summary>Package names whose Status says installed (dpkg(1) status file, deb822 paragraphs).</summary>
    public static IEnumerable<string> InstalledPackages(Stream status)
    {
        using var reader = new StreamReader(status, Encoding.UTF8, leaveOpen: true);
        string? package = null;
        var installed = false;
        var names = new List<string>();
        for (var line = reader.ReadLine(); ; line = reader.ReadLine())
        {
            if (string.IsNullOrEmpty(line))
            {
                if (package is not null && installed)
                {
                    names.Add(package);
                }
                (package, installed) = (null, false);
                if (line is null)
                {
                    return names;
                }
                continue;
            }
            if (line.StartsWith("Package:", StringComparison.Ordinal))
            {
                package = line["Package:".Length..].Trim();
            }
            else if (line.StartsWith("Status:", StringComparison.Ordinal))
            {
                installed = line.EndsWith(" installed", StringComparison.Ordinal);
            }
        }
    }

    private static string Normalise(string name)
    {
        var trimmed = name.TrimStart('.').Trim('/');
        return trimmed.Length == 0 ? "" : "/" + trimmed;
    }

    private static InventoryEntryType TypeOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => InventoryEntryType.File,
        TarEntryType.Directory => InventoryEntryType.Directory,
        TarEntryType.SymbolicLink => InventoryEntryType.Symlink,
        TarEntryType.HardLink => InventoryEntryType.HardLink,
        _ => InventoryEntryType.Other,
    };
}
