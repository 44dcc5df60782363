using Tracer.Tracing;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// Every path the function used (exec, open, dir, stat, readlink) that exists in the image.
/// Failed lookups are not copied. A path the function created is not copied: it is not in the
/// image anyway, and when it is (an existing file written again) the image's version is kept,
/// because the function may read it before writing.
/// </summary>
public sealed class TracedRule : ClosureRule
{
    public const string RuleName = "traced";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        foreach (var record in context.Input.Accesses.Sorted())
        {
            if (!record.Existed)
            {
                continue;
            }
            var created = (record.Kinds & AccessKind.Create) != 0;
            if (context.Keep(record.Path, Name) is null && !created && !context.IsRuntimePath(record.Path)
                && !context.Excluded.ContainsKey(record.Path))
            {
                context.ReportMissing(record.Path);
            }
        }
    }
}
