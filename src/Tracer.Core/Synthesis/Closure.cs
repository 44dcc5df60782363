using Tracer.Synthesis.Rules;

namespace Tracer.Synthesis;

/// <summary>Runs the closure rules to a fixed point over an image tree and its traces.</summary>
public static class Closure
{
    /// <summary>The rules in the order they seed; kept.txt names the first rule that kept a path.</summary>
    public static IReadOnlyList<ClosureRule> DefaultRules() =>
    [
        new TracedRule(),
        new CreatedDirectoryRule(),
        new IncludeRule(),
        new TmpRule(),
        new UserRule(),
        new SymlinkRule(),
        new ElfRule(),
        new ShebangRule(),
        new ParentRule(),
        new PackageMetadataRule(),
    ];

    public static ClosureContext Run(ClosureInput input, IReadOnlyList<ClosureRule>? rules = null)
    {
        rules ??= DefaultRules();
        var context = new ClosureContext(input);
        foreach (var rule in rules)
        {
            rule.Seed(context);
        }
        Drain(context, rules);
        foreach (var rule in rules)
        {
            rule.Finish(context);
            // What a finishing rule adds (status.d records) still needs its parents.
            Drain(context, rules);
        }
        return context;
    }

    private static void Drain(ClosureContext context, IReadOnlyList<ClosureRule> rules)
    {
        while (context.TryDequeue(out var path))
        {
            var entry = context.EntryFor(path);
            foreach (var rule in rules)
            {
                rule.Expand(context, path, entry);
            }
        }
    }
}
