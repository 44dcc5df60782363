using Tracer.Tracing;

namespace Tracer.Reporting;

/// <summary>Compares the original and minimal trees category by category (CASES 11).</summary>
public static class AttackSurfaceAnalysis
{
    public const string RunsIt = "kept because the function runs it";
    public const string ClosureOrInclude = "kept, not run by the function (an include rule or the closure kept it)";

    public static AttackSurface Analyse(ImageInventory original, ImageInventory minimal, AccessSet trace)
    {
        var executed = ExecutedTargets(original, trace);
        var removed = Enum.GetValues<SurfaceCategory>()
            .ToDictionary(static c => c, static _ => new List<string>());
        var kept = new List<KeptTool>();
        foreach (var entry in original.Entries.Values.OrderBy(static e => e.Path, StringComparer.Ordinal))
        {
            foreach (var category in SurfaceCatalog.Categories(entry))
            {
                if (!minimal.Contains(entry.Path))
                {
                    removed[category].Add(entry.Path);
                    continue;
                }
                var target = original.Resolve(entry.Path) ?? entry.Path;
                kept.Add(executed.TryGetValue(target, out var record)
                    ? new KeptTool(category, entry.Path, RunsIt, record.FirstPid, record.FirstProgram)
                    : new KeptTool(category, entry.Path, ClosureOrInclude, null, null));
            }
        }
        return new AttackSurface(
            removed.ToDictionary(static p => p.Key, static p => (IReadOnlyList<string>)p.Value),
            kept);
    }

    /// <summary>Executed paths by the file they resolve to, so /bin/sh and /usr/bin/dash meet.</summary>
    private static Dictionary<string, AccessRecord> ExecutedTargets(ImageInventory original, AccessSet trace)
    {
        var map = new Dictionary<string, AccessRecord>(StringComparer.Ordinal);
        foreach (var record in trace.Sorted())
        {
            if ((record.Kinds & AccessKind.Exec) == 0)
            {
                continue;
            }
            var target = original.Resolve(record.Path) ?? record.Path;
            if (!map.TryGetValue(target, out var seen) || seen.FirstPid == 0)
            {
                map[target] = record;
            }
        }
        return map;
    }
}
