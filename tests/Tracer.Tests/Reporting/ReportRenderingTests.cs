using System.Text.Json.Nodes;
using Tracer.Harness;
using Tracer.Harness.Spec;
using Tracer.Reporting;

namespace Tracer.Tests.Reporting;

public sealed class ReportRenderingTests
{
    private static SlimReport Sample(bool verified) => new()
    {
        Verified = verified,
        Outcome = verified ? "every probe passed on the minimal image" : "1 probe failed on the minimal image",
        Spec = "function.yaml",
        Tracer = "auto",
        TracedWith = ["both"],
        Original = new ImageSummary("fx/py:latest", "sha256:aaaaaaaaaaaaaaaa", 200L << 20, 8000, 95),
        Minimal = new ImageSummary("fx/py:slim", "sha256:bbbbbbbbbbbbbbbb", 25L << 20, 400, 12),
        Probes =
        [
            new ProbeComparison("own-command",
                new ProbeResult("own-command", ProbeKind.Run, true, [], 0, null, null, "rows: 42", "", 0.5),
                new ProbeResult("own-command", ProbeKind.Run, verified, verified ? [] : ["exit code 1, expected 0"],
                    verified ? 0 : 1, null, null, "", "Fatal Python error", 0.2)),
        ],
        Stages = [new StageTime("trace", 3.2), new StageTime("synthesize", 1.1)],
        Rounds = verified ? [] :
            [new RepairRound(0, "sha256:bbbbbbbbbbbbbbbb", false, ["own-command"], ["/usr/lib/python3.11/os.py"], [])],
        AttackSurface = new AttackSurface(
            new Dictionary<SurfaceCategory, IReadOnlyList<string>>
            {
                [SurfaceCategory.Shells] = ["/usr/bin/bash"],
                [SurfaceCategory.PackageManagers] = ["/usr/bin/apt-get", "/usr/bin/dpkg"],
            },
            [new KeptTool(SurfaceCategory.Shells, "/usr/bin/dash", AttackSurfaceAnalysis.RunsIt, 77, "entrypoint.sh")]),
        LazyGroups = [new LazyGroupStatus("TLS certificates", "/etc/ssl", 140, 0, false)],
    };

    [Fact]
    public void Json_Report_HasDocumentedShape()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Sample(true)))!;
        Assert.True(json["verified"]!.GetValue<bool>());
        Assert.Equal(200L << 20, json["original"]!["sizeBytes"]!.GetValue<long>());
        Assert.Equal(12, json["minimal"]!["packages"]!.GetValue<int>());
        Assert.Equal("run", json["probes"]![0]!["original"]!["kind"]!.GetValue<string>());
        Assert.True(json["probes"]![0]!["same"]!.GetValue<bool>());
        Assert.Equal("/usr/bin/bash", json["attackSurface"]!["removed"]!["shells"]![0]!.GetValue<string>());
        Assert.Equal("entrypoint.sh", json["attackSurface"]!["kept"]![0]!["usedByProgram"]!.GetValue<string>());
        Assert.Equal("shells", json["attackSurface"]!["kept"]![0]!["category"]!.GetValue<string>());
        Assert.False(json["lazyGroups"]![0]!["touched"]!.GetValue<bool>());
        Assert.Equal(3.2, json["stages"]![0]!["seconds"]!.GetValue<double>());
        Assert.Equal("auto", json["tracer"]!.GetValue<string>());
        Assert.Equal("both", json["tracedWith"]![0]!.GetValue<string>());
        Assert.Empty(json["excluded"]!.AsArray());
    }

    [Fact]
    public void Report_Excluded_ListedInJsonAndMarkdown()
    {
        var report = Sample(true) with { Excluded = [new("/srv/www/index.html", "exclude /srv/www/index.html")] };
        var json = JsonNode.Parse(ReportJson.Serialize(report))!;
        Assert.Equal("/srv/www/index.html", json["excluded"]![0]!["path"]!.GetValue<string>());
        Assert.Contains("- `/srv/www/index.html`: exclude /srv/www/index.html", ReportMarkdown.Render(report));
    }

    [Fact]
    public void Markdown_Verified_HasBeforeAfterTableAndLists()
    {
        var md = ReportMarkdown.Render(Sample(true));
        Assert.Contains("— verified", md);
        Assert.Contains("| size | 200.0 MiB | 25.0 MiB | -88% |", md);
        Assert.Contains("| files | 8000 | 400 | -95% |", md);
        Assert.Contains("**package managers** (2): `/usr/bin/apt-get`, `/usr/bin/dpkg`", md);
        Assert.Contains("| shells | `/usr/bin/dash` | kept because the function runs it | entrypoint.sh, pid 77 |", md);
        Assert.Contains("- TLS certificates (/etc/ssl): 140 files in the original, 0 in the minimal image", md);
        Assert.DoesNotContain("Verification rounds", md);
        Assert.Contains("Traced with `both` (asked: `auto`).", md);
    }

    [Fact]
    public void Markdown_Failed_ListsMissingPathsAndFailure()
    {
        var md = ReportMarkdown.Render(Sample(false));
        Assert.Contains("NOT verified", md);
        Assert.Contains("| own-command | run | pass (exit 0) | FAIL (exit 1) | exit code 1, expected 0 |", md);
        Assert.Contains("  - missing `/usr/lib/python3.11/os.py`", md);
    }

    [Fact]
    public void Summary_FitsOneScreen_AndNamesKeptShell()
    {
        var text = ReportSummary.Render(Sample(false), "out/demo");
        Assert.StartsWith("NOT verified: ", text);
        Assert.Contains("/usr/bin/os.py", text.Replace("/usr/lib/python3.11/", "/usr/bin/", StringComparison.Ordinal));
        Assert.Contains("kept      /usr/bin/dash: kept because the function runs it (used by entrypoint.sh, pid 77)", text);
        Assert.Contains("out/demo/report.md", text);
        Assert.True(text.Split('\n').Length < 40);
    }

    [Fact]
    public void Summary_KeptToolsOfEveryCategory_AreAllListedOrCounted()
    {
        var sample = Sample(true);
        KeptTool Tool(SurfaceCategory c, string name) => new(c, "/usr/bin/" + name, AttackSurfaceAnalysis.RunsIt, 9, "etl.sh");
        var few = sample with
        {
            AttackSurface = sample.AttackSurface! with
            {
                Kept = [Tool(SurfaceCategory.Shells, "dash"), Tool(SurfaceCategory.EncodersDecoders, "base64"),
                    Tool(SurfaceCategory.CompilersInterpreters, "python3")],
            },
        };
        var many = sample with
        {
            AttackSurface = sample.AttackSurface! with
            {
                Kept = Enumerable.Range(0, 13).Select(i => Tool(SurfaceCategory.EncodersDecoders, $"t{i:00}")).ToList(),
            },
        };

        var text = ReportSummary.Render(few, null);
        var manyText = ReportSummary.Render(many, null);

        Assert.Contains("kept      /usr/bin/base64: kept because the function runs it (used by etl.sh, pid 9)", text);
        Assert.Contains("kept      /usr/bin/python3: ", text);
        Assert.Contains("kept      /usr/bin/t09: ", manyText);
        Assert.DoesNotContain("/usr/bin/t10", manyText);
        Assert.Contains("… 3 more in report.md", manyText);
    }
}
