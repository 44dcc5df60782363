using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Tracer.Synthesis.Tree;

/// <summary>
/// A docker-save archive spooled to a temporary file: its config and the merged tree of its
/// layers. File contents are read from the spool on demand, so memory does not grow with the
/// image. Disposing deletes the spool.
/// </summary>
public sealed class SavedImage : IContentStore, IDisposable
{
    private readonly FileStream _spool;

    private SavedImage(FileStream spool, JsonObject config)
    {
        _spool = spool;
        Config = config;
        Tree = new ImageTree(this);
    }

    /// <summary>The image config JSON exactly as saved (architecture, os, config, created…).</summary>
    public JsonObject Config { get; }

    public ImageTree Tree { get; }

    /// <summary>Bytes of the spooled archive (the image's uncompressed size plus tar overhead).</summary>
    public long ArchiveBytes { get; private set; }

    public int LayerCount { get; private set; }

    /// <summary>Copies <paramref name="save"/> (a docker-save stream) to a temp file and indexes it.</summary>
    public static async Task<SavedImage> SpoolAsync(Stream save, string tempDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(tempDirectory);
        var path = Path.Combine(tempDirectory, $"tracer-save-{Guid.NewGuid():N}.tar");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await save.CopyToAsync(file, 1 << 20, ct).ConfigureAwait(false);
            await file.FlushAsync(ct).ConfigureAwait(false);
            return Index(file, path);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Stream Open(TreeEntry entry) =>
        new FileSegmentStream(_spool, entry.ContentOffset, entry.Size, ownsFile: false);

    public void Dispose() => _spool.Dispose();

    private static SavedImage Index(FileStream file, string path)
    {
        var archiveLength = file.Length;
        var members = ReadMembers(file, archiveLength);
        var manifest = JsonNode.Parse(ReadMember(file, members, "manifest.json")) as JsonArray;
        if (manifest is not [JsonObject first, ..]
            || first["Config"]?.GetValue<string>() is not { } configName
            || first["Layers"] is not JsonArray layers)
        {
            throw new InvalidDataException($"{path}: docker-save archive without a usable manifest.json");
        }
        var config = JsonNode.Parse(ReadMember(file, members, configName)) as JsonObject
            ?? throw new InvalidDataException($"{path}: config '{configName}' is not a JSON object");
        var image = new SavedImage(file, config) { ArchiveBytes = archiveLength };
        long inode = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            var (start, length) = Locate(members, layers[i]!.GetValue<string>());
            (start, length) = InflateIfCompressed(file, start, length);
            LayerReader.Apply(image.Tree, file, start, length, i, ref inode);
        }
        image.LayerCount = layers.Count;
        return image;
    }

    private static Dictionary<string, TarEntry> ReadMembers(FileStream file, long length)
    {
        var members = new Dictionary<string, TarEntry>(StringComparer.Ordinal);
        var segment = new FileSegmentStream(file, 0, length, ownsFile: false);
        var reader = new TarReader(segment, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            members[TreePath.Normalize(entry.Name)] = entry;
        }
        return members;
    }

    private static byte[] ReadMember(FileStream file, Dictionary<string, TarEntry> members, string name)
    {
        var (start, length) = Locate(members, name);
        var bytes = new byte[length];
        RandomAccess.Read(file.SafeFileHandle, bytes, start);
        return bytes;
    }

    /// <summary>Where a member's data lies; follows the symlinks docker save uses for shared layers.</summary>
    private static (long Start, long Length) Locate(Dictionary<string, TarEntry> members, string name)
    {
        var path = TreePath.Normalize(name);
        for (var hop = 0; hop < ImageTree.MaxSymlinkHops; hop++)
        {
            if (!members.TryGetValue(path, out var entry))
            {
                throw new InvalidDataException($"docker-save archive lacks '{name}'");
            }
            if (entry.EntryType is not (TarEntryType.SymbolicLink or TarEntryType.HardLink))
            {
                return (entry.DataOffset, entry.Length);
            }
            path = entry.EntryType == TarEntryType.HardLink || entry.LinkName.StartsWith('/')
                ? TreePath.Normalize(entry.LinkName)
                : TreePath.Normalize(TreePath.Parent(path) + "/" + entry.LinkName);
            path = Collapse(path);
        }
        throw new InvalidDataException($"docker-save archive: link loop at '{name}'");
    }

    /// <summary>Lexically resolves ".." (archive member names have no symlinked directories).</summary>
    private static string Collapse(string path)
    {
        var stack = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else
            {
                stack.Add(part);
            }
        }
        return "/" + string.Join('/', stack);
    }

    /// <summary>Gzip layers (newer engines, OCI layouts) are inflated onto the spool's end so
    /// every offset stays in one file.</summary>
    private static (long Start, long Length) InflateIfCompressed(FileStream file, long start, long length)
    {
        Span<byte> magic = stackalloc byte[2];
        if (length < 2 || RandomAccess.Read(file.SafeFileHandle, magic, start) < 2
            || magic[0] != 0x1f || magic[1] != 0x8b)
        {
            return (start, length);
        }
        var end = file.Length;
        using var compressed = new FileSegmentStream(file, start, length, ownsFile: false);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        file.Seek(end, SeekOrigin.Begin);
        gzip.CopyTo(file, 1 << 20);
        file.Flush();
        return (end, file.Length - end);
    }
}
