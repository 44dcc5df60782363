namespace Tracer.Synthesis.Rules;

/// <summary>Everything matching an --include glob, whatever the trace says.</summary>
public sealed class IncludeRule : ClosureRule
{
    public const string RuleName = "include";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        if (context.Input.Includes.Count == 0)
        {
            return;
        }
        foreach (var entry in context.Tree.Sorted())
        {
            if (Glob.AnyMatch(context.Input.Includes, entry.Path))
            {
                context.Keep(entry.Path, Name);
            }
        }
    }
}
