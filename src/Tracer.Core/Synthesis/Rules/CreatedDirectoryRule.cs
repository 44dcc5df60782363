using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Synthesis.Rules;

/// <summary>The directory a created file went into (the nearest one the image has), so the
/// function can create it again in the minimal image.</summary>
public sealed class CreatedDirectoryRule : ClosureRule
{
    public const string RuleName = "created-dir";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        foreach (var record in context.Input.Accesses.Sorted())
        {
            if ((record.Kinds & AccessKind.Create) == 0)
            {
                continue;
            }
            foreach (var ancestor in TreePath.Ancestors(TreePath.Normalize(record.Path)))
            {
                var real = context.Tree.Resolve(ancestor, followFinal: true);
                if (real is not null && context.Tree.Get(real)?.Type == TreeEntryType.Directory)
                {
                    context.Keep(ancestor, Name);
                    break;
                }
            }
        }
    }
}
