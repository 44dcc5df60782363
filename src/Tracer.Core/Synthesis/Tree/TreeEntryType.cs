namespace Tracer.Synthesis.Tree;

/// <summary>The kinds of file an image layer can hold.</summary>
public enum TreeEntryType
{
    File,
    Directory,
    Symlink,
    CharDevice,
    BlockDevice,
    Fifo,
}
