using Tracer.Reporting;
using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>
/// Finds what the minimal image lacks: paths the failing probes looked up on it (seen by strace,
/// found or not) that resolve in the original's tree and not in the minimal one (names through
/// directory symlinks such as /lib count). A path neither image has (a file the function would
/// create) stands for the nearest directory above it that the original has, when the minimal
/// image lacks that one: "cannot create /var/cache/app/x: Directory nonexistent".
/// </summary>
public static class MissingPathDiagnosis
{
    private static readonly string[] Ignored = ["/proc/", "/sys/", "/dev/", "/.tracer/"];

    public static IReadOnlyList<string> Find(AccessSet minimalTrace, ImageInventory original, ImageInventory minimal) =>
        minimalTrace.Sorted()
            .Select(static r => r.Path)
            .Where(p => !Ignored.Any(i => p.StartsWith(i, StringComparison.Ordinal)) && p != "/")
            .Select(p => Lacking(p, original, minimal))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? Lacking(string path, ImageInventory original, ImageInventory minimal)
    {
        foreach (var candidate in TreePath.Ancestors(path).Prepend(path))
        {
            if (candidate == TreePath.Root)
            {
                return null;
            }
            if (original.Resolve(candidate) is not null)
            {
                return minimal.Resolve(candidate) is null ? candidate : null;
            }
        }
        return null;
    }
}
