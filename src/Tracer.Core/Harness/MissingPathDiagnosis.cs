using Tracer.Reporting;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>
/// Finds what the minimal image lacks: paths the failing probes looked up on it (seen by strace,
/// found or not) that resolve in the original's tree and not in the minimal one (names through
/// directory symlinks such as /lib count).
/// </summary>
public static class MissingPathDiagnosis
{
    private static readonly string[] Ignored = ["/proc/", "/sys/", "/dev/", "/.tracer/"];

    public static IReadOnlyList<string> Find(AccessSet minimalTrace, ImageInventory original, ImageInventory minimal) =>
        minimalTrace.Sorted()
            .Select(static r => r.Path)
            .Where(p => !Ignored.Any(i => p.StartsWith(i, StringComparison.Ordinal)) && p != "/")
            .Where(p => original.Resolve(p) is not null && minimal.Resolve(p) is null)
            .ToList();
}
