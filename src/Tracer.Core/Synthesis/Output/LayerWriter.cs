using System.Formats.Tar;
using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Output;

/// <summary>
/// Writes the kept set as one layer tar, deterministically: entries sorted by path (parents
/// first), ustar headers (GNU long-name headers only for paths ustar cannot hold), modes,
/// owners, names and mtimes from the source image, no atime/ctime, and contents streamed from
/// the image one file at a time. Names that shared an inode in the image are written once and
/// then as hard links to the first kept name.
/// </summary>
public static class LayerWriter
{
    private const int DefaultDirectoryMode = 0b111_101_101;
    // ustar: name[100], prefix[155] (POSIX.1-2001 tar header layout); ids are 7 octal digits.
    private const int UstarName = 100;
    private const int UstarPrefix = 155;
    private const int UstarMaxId = 0x1FFFFF;

    /// <summary>Writes the layer; returns the number of entries and content bytes written.</summary>
    public static (int Entries, long ContentBytes) Write(ClosureContext context, Stream output)
    {
        var paths = context.Kept.Keys.Order(StringComparer.Ordinal).ToList();
        var firstNameOfInode = new Dictionary<long, string>();
        long bytes = 0;
        using var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        foreach (var path in paths)
        {
            var entry = context.EntryFor(path) ?? new TreeEntry
            {
                // A parent the image's layers never listed: a plain root-owned directory.
                Path = path,
                Type = TreeEntryType.Directory,
                Mode = DefaultDirectoryMode,
                ModificationTime = context.Input.Created,
            };
            var name = path.TrimStart('/') + (entry.Type == TreeEntryType.Directory ? "/" : "");
            context.Synthetic.TryGetValue(path, out var synthetic);
            string? hardLinkTo = null;
            if (synthetic is null && entry is { Type: TreeEntryType.File, Inode: not 0 })
            {
                if (!firstNameOfInode.TryAdd(entry.Inode, name))
                {
                    hardLinkTo = firstNameOfInode[entry.Inode];
                }
            }
            var tar = Create(entry, name, hardLinkTo);
            if (tar.EntryType == TarEntryType.RegularFile)
            {
                using var content = synthetic is not null
                    ? new MemoryStream(synthetic.Data, writable: false)
                    : context.Tree.Content.Open(entry);
                tar.DataStream = content;
                writer.WriteEntry(tar);
                bytes += content.Length;
            }
            else
            {
                writer.WriteEntry(tar);
            }
        }
        return (paths.Count, bytes);
    }

    private static PosixTarEntry Create(TreeEntry entry, string name, string? hardLinkTo)
    {
        var type = hardLinkTo is not null ? TarEntryType.HardLink : entry.Type switch
        {
            TreeEntryType.File => TarEntryType.RegularFile,
            TreeEntryType.Directory => TarEntryType.Directory,
            TreeEntryType.Symlink => TarEntryType.SymbolicLink,
            TreeEntryType.CharDevice => TarEntryType.CharacterDevice,
            TreeEntryType.BlockDevice => TarEntryType.BlockDevice,
            _ => TarEntryType.Fifo,
        };
        var link = hardLinkTo ?? entry.LinkTarget ?? "";
        PosixTarEntry tar = FitsUstar(name) && Encoding.UTF8.GetByteCount(link) <= UstarName
            && entry.Uid <= UstarMaxId && entry.Gid <= UstarMaxId
            ? new UstarTarEntry(type, name)
            : new GnuTarEntry(type, name)
            {
                // GNU headers carry atime/ctime; pinning them to mtime keeps the bytes stable.
                AccessTime = entry.ModificationTime,
                ChangeTime = entry.ModificationTime,
            };
        tar.Mode = (UnixFileMode)(entry.Mode & 0b111_111_111_111);
        tar.Uid = entry.Uid;
        tar.Gid = entry.Gid;
        tar.UserName = entry.UserName;
        tar.GroupName = entry.GroupName;
        tar.ModificationTime = entry.ModificationTime;
        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            tar.LinkName = link;
        }
        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            tar.DeviceMajor = entry.DeviceMajor;
            tar.DeviceMinor = entry.DeviceMinor;
        }
        return tar;
    }

    /// <summary>ustar holds a name of up to 100 bytes, or one split at a "/" into a prefix of
    /// up to 155 bytes and a name of up to 100.</summary>
    private static bool FitsUstar(string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        if (length <= UstarName)
        {
            return true;
        }
        if (length > UstarName + UstarPrefix + 1 || length != name.Length)
        {
            return false;
        }
        for (var i = name.Length - UstarName - 1; i < name.Length && i <= UstarPrefix; i++)
        {
            if (i > 0 && name[i] == '/')
            {
                return true;
            }
        }
        return false;
    }
}
