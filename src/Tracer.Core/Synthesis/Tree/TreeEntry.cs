namespace Tracer.Synthesis.Tree;

/// <summary>
/// One path of the merged image tree: its metadata and where its content lies, never the
/// content itself (see <see cref="IContentStore"/>).
/// </summary>
public sealed record TreeEntry
{
    /// <summary>Absolute, normalised path ("/usr/bin/python3"); the root is "/".</summary>
    public required string Path { get; init; }
    public required TreeEntryType Type { get; init; }
    /// <summary>Permission bits including setuid, setgid and sticky (07777).</summary>
    public int Mode { get; init; }
    public int Uid { get; init; }
    public int Gid { get; init; }
    public string UserName { get; init; } = "";
    public string GroupName { get; init; } = "";
    public DateTimeOffset ModificationTime { get; init; }
    public long Size { get; init; }
    /// <summary>Symlink target as stored in the image.</summary>
    public string? LinkTarget { get; init; }
    /// <summary>Entries with the same non-zero inode are hard links to one file.</summary>
    public long Inode { get; init; }
    /// <summary>Where the content starts in the content store (meaning is the store's).</summary>
    public long ContentOffset { get; init; } = -1;
    public int Layer { get; init; }
    public int DeviceMajor { get; init; }
    public int DeviceMinor { get; init; }
}
