using Tracer.Tracing;

namespace Tracer.IntegrationTests.Tracing;

/// <summary>Checks that repeated traces of one run give one allowlist, and on failure names
/// the paths that differ with the program and pid that used each, so a flaky difference can
/// be told from a leak of another container's files.</summary>
internal static class SameAllowlists
{
    public static void Assert(IReadOnlyList<TraceDocument> runs)
    {
        var first = runs[0].Accesses.AllowedPaths();
        for (var i = 1; i < runs.Count; i++)
        {
            var these = runs[i].Accesses.AllowedPaths();
            var extra = these.Except(first, StringComparer.Ordinal).ToList();
            var missing = first.Except(these, StringComparer.Ordinal).ToList();
            if (extra.Count + missing.Count > 0)
            {
                Xunit.Assert.Fail($"run {i + 1} of {runs.Count} differs from run 1: "
                    + $"extra [{Describe(extra, runs[i])}], missing [{Describe(missing, runs[0])}]");
            }
        }
    }

    private static string Describe(IEnumerable<string> paths, TraceDocument run) =>
        string.Join(", ", paths.Select(p => run.Accesses.TryGet(p, out var r)
            ? $"{p} ({r.FirstProgram} {r.FirstPid}: {string.Join(' ', AccessKindNames.ToNames(r.Kinds))})"
            : p));
}
