using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>Every directory above a kept path, with its own mode, owner and time.</summary>
public sealed class ParentRule : ClosureRule
{
    public const string RuleName = "parent";

    public override string Name => RuleName;

    public override void Expand(ClosureContext context, string path, TreeEntry? entry)
    {
        foreach (var ancestor in TreePath.Ancestors(path))
        {
            if (ancestor == TreePath.Root || context.IsKept(ancestor))
            {
                // A kept ancestor had (or will have) its own ancestors kept.
                break;
            }
            context.KeepReal(ancestor, Name);
        }
    }
}
