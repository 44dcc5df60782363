namespace Tracer.Synthesis.Tree;

/// <summary>Opens the content of a regular file of the tree as a read-only stream.</summary>
public interface IContentStore
{
    Stream Open(TreeEntry entry);
}
