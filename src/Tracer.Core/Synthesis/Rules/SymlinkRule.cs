using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// A kept symlink keeps what it points to, resolved inside the image (absolute targets
/// against the image root). Links passed on the way to any kept path are kept by
/// <see cref="ClosureContext.Keep"/> under this rule's name.
/// </summary>
public sealed class SymlinkRule : ClosureRule
{
    public const string RuleName = "symlink";

    public override string Name => RuleName;

    public override void Expand(ClosureContext context, string path, TreeEntry? entry)
    {
        if (entry?.Type == TreeEntryType.Symlink)
        {
            context.Keep(path, Name);
        }
    }
}
