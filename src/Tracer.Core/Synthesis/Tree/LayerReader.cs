using System.Formats.Tar;

namespace Tracer.Synthesis.Tree;

/// <summary>
/// Applies one layer tar to an <see cref="ImageTree"/>: entries replace what earlier layers
/// had, <c>.wh.NAME</c> deletes NAME, <c>.wh..wh..opq</c> empties its directory of older
/// content (the OCI image spec's whiteout rules). Content stays in the file: each regular
/// file records the absolute offset of its data in <paramref name="file"/>.
/// </summary>
public static class LayerReader
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    public static void Apply(ImageTree tree, FileStream file, long start, long length, int layer,
        ref long nextInode)
    {
        using var segment = new FileSegmentStream(file, start, length, ownsFile: false);
        using var reader = new TarReader(segment, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            var path = TreePath.Normalize(entry.Name);
            var name = TreePath.Name(path);
            if (name == OpaqueMarker)
            {
                tree.RemoveChildren(TreePath.Parent(path), layer);
                continue;
            }
            if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
            {
                tree.Remove(TreePath.Join(TreePath.Parent(path), name[WhiteoutPrefix.Length..]));
                continue;
            }
            if (entry.EntryType == TarEntryType.HardLink)
            {
                // A hard link names an entry of the same layer; it shares that file's inode.
                var target = tree.Get(TreePath.Normalize(entry.LinkName));
                if (target is not null)
                {
                    tree.Set(target with { Path = path, Layer = layer });
                }
                continue;
            }
            if (ToType(entry.EntryType) is not { } type)
            {
                continue;
            }
            tree.Set(new TreeEntry
            {
                Path = path,
                Type = type,
                Mode = (int)entry.Mode,
                Uid = entry.Uid,
                Gid = entry.Gid,
                UserName = (entry as PosixTarEntry)?.UserName ?? "",
                GroupName = (entry as PosixTarEntry)?.GroupName ?? "",
                ModificationTime = entry.ModificationTime,
                Size = type == TreeEntryType.File ? entry.Length : 0,
                LinkTarget = type == TreeEntryType.Symlink ? entry.LinkName : null,
                Inode = type == TreeEntryType.File ? ++nextInode : 0,
                ContentOffset = type == TreeEntryType.File ? start + entry.DataOffset : -1,
                Layer = layer,
                DeviceMajor = (entry as PosixTarEntry)?.DeviceMajor ?? 0,
                DeviceMinor = (entry as PosixTarEntry)?.DeviceMinor ?? 0,
            });
        }
    }

    private static TreeEntryType? ToType(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile
            => TreeEntryType.File,
        TarEntryType.Directory => TreeEntryType.Directory,
        TarEntryType.SymbolicLink => TreeEntryType.Symlink,
        TarEntryType.CharacterDevice => TreeEntryType.CharDevice,
        TarEntryType.BlockDevice => TreeEntryType.BlockDevice,
        TarEntryType.Fifo => TreeEntryType.Fifo,
        _ => null,
    };
}
