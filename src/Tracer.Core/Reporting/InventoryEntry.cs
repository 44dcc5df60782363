namespace Tracer.Reporting;

/// <summary>One path of an image's file tree, as its exported tar shows it.</summary>
/// <param name="Mode">Permission bits including setuid (04000), setgid (02000) and sticky.</param>
/// <param name="LinkTarget">Symlink target, or the first name of a hard link.</param>
public sealed record InventoryEntry(string Path, InventoryEntryType Type, int Mode, long Size, string? LinkTarget)
{
    public const int SetUid = 0x800;
    public const int SetGid = 0x400;

    /// <summary>A regular file (or hard link to one) with the setuid or setgid bit.</summary>
    public bool IsSetId => Type is InventoryEntryType.File or InventoryEntryType.HardLink
        && (Mode & (SetUid | SetGid)) != 0;
}
