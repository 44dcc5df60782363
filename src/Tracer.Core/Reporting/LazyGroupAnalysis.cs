using Tracer.Tracing;

namespace Tracer.Reporting;

/// <summary>Finds the lazily loaded groups the original has and says whether the trace touched them.</summary>
public static class LazyGroupAnalysis
{
    public static IReadOnlyList<LazyGroupStatus> Analyse(ImageInventory original, ImageInventory minimal,
        AccessSet trace)
    {
        var traced = trace.Sorted().Select(static r => r.Path).ToList();
        var list = new List<LazyGroupStatus>();
        foreach (var group in LazyGroup.Known)
        {
            var inOriginal = CountFiles(original, group);
            if (inOriginal == 0)
            {
                continue;
            }
            list.Add(new LazyGroupStatus(group.Name, group.Where, inOriginal, CountFiles(minimal, group),
                traced.Any(group.Contains)));
        }
        return list;
    }

    private static int CountFiles(ImageInventory inventory, LazyGroup group) =>
        inventory.Entries.Values.Count(e => e.Type != InventoryEntryType.Directory && group.Contains(e.Path));
}
