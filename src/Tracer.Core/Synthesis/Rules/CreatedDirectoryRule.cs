using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Synthesis.Rules;

/// <summary>The directory a created file went into (the nearest one the image has), so the
/// function can create it again in the minimal image. A path the trace saw used that the image
/// lacks counts as created too: it can only have been made during the run (a shell's
/// <c>&gt; file</c> is an O_CREAT open that no tracer can tell from an open of an existing
/// file, a FIFO or socket is made by calls the tracers do not follow).</summary>
public sealed class CreatedDirectoryRule : ClosureRule
{
    public const string RuleName = "created-dir";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        foreach (var record in context.Input.Accesses.Sorted())
        {
            var made = (record.Kinds & AccessKind.Create) != 0
                || (record.Existed && context.Tree.Resolve(record.Path, followFinal: false) is null
                    && !context.IsRuntimePath(record.Path));
            if (!made)
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
