using System.Text;

namespace Tracer.Reporting;

/// <summary>The one-screen summary <c>tracer slim</c> prints on stdout.</summary>
public static class ReportSummary
{
    private const int KeptShown = 10;

    public static string Render(SlimReport report, string? reportDirectory)
    {
        var o = report.Original;
        var m = report.Minimal;
        var text = new StringBuilder();
        text.AppendLine((report.Verified ? "verified: " : "NOT verified: ") + report.Outcome);
        if (m is not null)
        {
            text.AppendLine($"  image     {o.Image} -> {m.Image}");
            text.AppendLine($"  size      {ReportFormat.Size(o.SizeBytes)} -> {ReportFormat.Size(m.SizeBytes)} "
                + $"({ReportFormat.Change(o.SizeBytes, m.SizeBytes)})");
            text.AppendLine($"  files     {o.Files} -> {m.Files}");
            text.AppendLine($"  packages  {o.Packages} -> {m.Packages}");
        }
        foreach (var p in report.Probes)
        {
            text.AppendLine($"  probe     {p.Name}: original {ReportFormat.ProbeCell(p.Original)}, "
                + $"minimal {ReportFormat.ProbeCell(p.Minimal)}");
            var failures = p.Minimal is { Passed: false } ? p.Minimal.Failures : p.Original.Passed ? [] : p.Original.Failures;
            foreach (var failure in failures)
            {
                text.AppendLine($"            {failure}");
            }
        }
        foreach (var round in report.Rounds.Where(static r => r.MissingPaths.Count > 0))
        {
            text.AppendLine($"  round {round.Round}   missing on the minimal image: {round.MissingPaths.Count} path(s)"
                + (round.AddedPaths.Count > 0 ? $"; {round.AddedPaths.Count} path(s) added for the next round" : ""));
            foreach (var path in round.MissingPaths.Take(10))
            {
                text.AppendLine($"            {path}");
            }
            if (round.MissingPaths.Count > 10)
            {
                text.AppendLine($"            … {round.MissingPaths.Count - 10} more in report.md");
            }
        }
        if (report.AttackSurface is { } surface)
        {
            text.AppendLine("  removed   " + string.Join(", ",
                surface.Removed.Select(static p => $"{ReportFormat.Label(p.Key)} {p.Value.Count}")));
            // Every kept tool, as report.md lists them, up to a screenful.
            foreach (var k in surface.Kept.Take(KeptShown))
            {
                text.AppendLine($"  kept      {k.Path}: {k.Reason}"
                    + (k.UsedByProgram is null ? "" : $" (used by {ReportFormat.UsedBy(k)})"));
            }
            if (surface.Kept.Count > KeptShown)
            {
                text.AppendLine($"            … {surface.Kept.Count - KeptShown} more in report.md");
            }
        }
        var untouched = report.LazyGroups.Where(static g => !g.Touched).ToList();
        if (untouched.Count > 0)
        {
            text.AppendLine("  untouched lazily loaded groups: "
                + string.Join(", ", untouched.Select(static g => $"{g.Name} ({g.FilesInOriginal} files)")));
        }
        if (report.TracedWith.Count > 0)
        {
            text.AppendLine($"  traced    with {string.Join(", ", report.TracedWith)} (asked: {report.Tracer})");
        }
        if (report.Stages.Count > 0)
        {
            text.AppendLine("  stages    " + string.Join(", ",
                report.Stages.Select(static s => $"{s.Stage} {ReportFormat.Seconds(s.Seconds)}")));
        }
        if (reportDirectory is not null)
        {
            text.AppendLine($"  report    {Path.Combine(reportDirectory, ReportWriter.MarkdownName)}");
        }
        return text.ToString();
    }
}
