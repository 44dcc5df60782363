namespace Tracer.Reporting;

/// <summary>The kinds of tree entries the report distinguishes.</summary>
public enum InventoryEntryType
{
    File,
    Directory,
    Symlink,
    HardLink,
    Other,
}
