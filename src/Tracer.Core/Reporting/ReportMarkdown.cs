using System.Text;

namespace Tracer.Reporting;

/// <summary>Renders report.md: the same facts as report.json, for a person.</summary>
public static class ReportMarkdown
{
    public static string Render(SlimReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# tracer slim: {report.Original.Image} — {(report.Verified ? "verified" : "NOT verified")}");
        md.AppendLine().AppendLine(report.Outcome).AppendLine();
        Images(md, report);
        Probes(md, report);
        Rounds(md, report);
        Surface(md, report);
        Lazy(md, report);
        Excluded(md, report);
        md.AppendLine("## Stages").AppendLine();
        if (report.TracedWith.Count > 0)
        {
            md.AppendLine($"Traced with {string.Join(", ", report.TracedWith.Select(static b => $"`{b}`"))} "
                + $"(asked: `{report.Tracer}`).").AppendLine();
        }
        md.AppendLine("| stage | time |").AppendLine("|---|---:|");
        foreach (var stage in report.Stages)
        {
            md.AppendLine($"| {stage.Stage} | {ReportFormat.Seconds(stage.Seconds)} |");
        }
        return md.ToString();
    }

    private static void Images(StringBuilder md, SlimReport report)
    {
        var o = report.Original;
        var m = report.Minimal;
        md.AppendLine("| | original | minimal | change |").AppendLine("|---|---|---|---:|");
        md.AppendLine($"| image | `{o.Image}` | {(m is null ? "not built" : $"`{m.Image}`")} | |");
        md.AppendLine($"| id | `{Short(o.Id)}` | {(m is null ? "" : $"`{Short(m.Id)}`")} | |");
        md.AppendLine($"| size | {ReportFormat.Size(o.SizeBytes)} | {(m is null ? "" : ReportFormat.Size(m.SizeBytes))} | "
            + $"{(m is null ? "" : ReportFormat.Change(o.SizeBytes, m.SizeBytes))} |");
        md.AppendLine($"| files | {o.Files} | {m?.Files} | {(m is null ? "" : ReportFormat.Change(o.Files ?? 0, m.Files ?? 0))} |");
        md.AppendLine($"| packages | {o.Packages} | {m?.Packages} | "
            + $"{(m is null ? "" : ReportFormat.Change(o.Packages ?? 0, m.Packages ?? 0))} |");
        md.AppendLine();
    }

    private static void Probes(StringBuilder md, SlimReport report)
    {
        md.AppendLine("## Probes").AppendLine().AppendLine("| probe | kind | original | minimal | notes |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var p in report.Probes)
        {
            var notes = string.Join("; ", (p.Minimal?.Failures ?? p.Original.Failures).Select(Cell));
            md.AppendLine($"| {p.Name} | {p.Original.Kind.ToString().ToLowerInvariant()} | "
                + $"{ReportFormat.ProbeCell(p.Original)} | {ReportFormat.ProbeCell(p.Minimal)} | {notes} |");
        }
        md.AppendLine();
    }

    private static void Rounds(StringBuilder md, SlimReport report)
    {
        if (report.Rounds.Count <= 1 && report.Rounds.All(static r => r.Verified))
        {
            return;
        }
        md.AppendLine("## Verification rounds").AppendLine();
        foreach (var round in report.Rounds)
        {
            md.AppendLine($"- round {round.Round} (`{Short(round.ImageId)}`): "
                + (round.Verified ? "verified" : "failed: " + string.Join(", ", round.FailingProbes)));
            foreach (var path in round.MissingPaths)
            {
                md.AppendLine($"  - missing `{path}`");
            }
            if (round.AddedPaths.Count > 0)
            {
                md.AppendLine($"  - added {round.AddedPaths.Count} path(s) for the next round");
            }
        }
        md.AppendLine();
    }

    private static void Surface(StringBuilder md, SlimReport report)
    {
        if (report.AttackSurface is not { } surface)
        {
            return;
        }
        md.AppendLine("## Removed attack surface").AppendLine();
        foreach (var (category, paths) in surface.Removed)
        {
            md.AppendLine($"- **{ReportFormat.Label(category)}** ({paths.Count})"
                + (paths.Count == 0 ? "" : ": " + string.Join(", ", paths.Select(static p => $"`{p}`"))));
        }
        md.AppendLine();
        if (surface.Kept.Count == 0)
        {
            return;
        }
        md.AppendLine("## Kept, and why").AppendLine().AppendLine("| category | path | reason | used by |")
            .AppendLine("|---|---|---|---|");
        foreach (var k in surface.Kept)
        {
            md.AppendLine($"| {ReportFormat.Label(k.Category)} | `{k.Path}` | {k.Reason} | {ReportFormat.UsedBy(k)} |");
        }
        md.AppendLine();
    }

    private static void Lazy(StringBuilder md, SlimReport report)
    {
        var untouched = report.LazyGroups.Where(static g => !g.Touched).ToList();
        if (untouched.Count == 0)
        {
            return;
        }
        md.AppendLine("## Lazily loaded files no probe reached").AppendLine()
            .AppendLine("The original has these groups, but no probe touched them, so the minimal image keeps "
                + "only what an include rule asked for. If a code path the probes do not cover needs them, "
                + "add a probe that reaches it or an `include` glob.").AppendLine();
        foreach (var g in untouched)
        {
            md.AppendLine($"- {g.Name} ({g.Where}): {g.FilesInOriginal} files in the original, "
                + $"{g.FilesInMinimal} in the minimal image");
        }
        md.AppendLine();
    }

    /// <summary>How many excluded paths report.md lists; report.json has them all.</summary>
    private const int ExcludedShown = 50;

    private static void Excluded(StringBuilder md, SlimReport report)
    {
        if (report.Excluded.Count == 0)
        {
            return;
        }
        md.AppendLine("## Excluded paths").AppendLine()
            .AppendLine($"{report.Excluded.Count} path(s) the trace or a rule would have kept are not in the minimal "
                + "image: an `exclude` glob of the spec matched them, or the runtime provides them (`runtime`):")
            .AppendLine();
        foreach (var e in report.Excluded.Take(ExcludedShown))
        {
            md.AppendLine($"- `{e.Path}`: {e.Reason}");
        }
        if (report.Excluded.Count > ExcludedShown)
        {
            md.AppendLine($"- … {report.Excluded.Count - ExcludedShown} more in report.json");
        }
        md.AppendLine();
    }

    private static string Short(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..19] : id;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
