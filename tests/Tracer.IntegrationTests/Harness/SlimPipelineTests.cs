using System.Text.Json.Nodes;
using Tracer.Harness;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary>The pipeline's flow with an untraced stand-in for the tracer.</summary>
public sealed class SlimPipelineTests
{
    [RequiresFact(Requirement.Docker | Requirement.Root)]
    public async Task Run_ProbeFailsOnOriginal_NothingBuiltAndProbeOutputKept()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        await using var fx = new HarnessFixture();
        fx.Spec($$"""
            image: {{image}}
            command: [/app/data/no-such-file.json]
            network: none
            probes:
              - name: own-command
                run: {}
                expect: {exitCode: 0, stdoutContains: "rows: 42"}
            """);
        var synthesizer = new StandIns.OriginalAsMinimal();
        var result = await Pipeline(fx, synthesizer).RunAsync(Options(fx), CancellationToken.None);
        Assert.Equal(0, synthesizer.Calls);
        // Stopped before listing the image: no inventory stage, no figures, no trace folder.
        Assert.Equal(["trace"], result.Report.Stages.Select(static s => s.Stage));
        Assert.Null(result.Report.Original.Files);
        Assert.True(result.Report.Original.SizeBytes > 0);
        Assert.False(Directory.Exists(Path.Combine(fx.Dir, "out", "trace")));
        Assert.Equal(ErrorCategory.FunctionFailed, result.Failure);
        Assert.Equal("own-command", result.FailedOnOriginal!.Name);
        Assert.Contains("no-such-file.json", result.FailedOnOriginal.Stderr + result.FailedOnOriginal.Stdout);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fx.Dir, "out", "report.json")))!;
        Assert.False(json["verified"]!.GetValue<bool>());
        Assert.Null(json["minimal"]);
        Assert.Contains("own-command", json["outcome"]!.GetValue<string>());
    }

    [RequiresFact(Requirement.Docker | Requirement.Root)]
    public async Task Run_AllProbesPass_ReportWithFiguresAndStages()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        await using var fx = new HarnessFixture();
        fx.Spec($$"""
            image: {{image}}
            probes:
              - name: own-command
                run: {}
                expect: {stdoutContains: "rows: 42"}
            """);
        var progress = new StandIns.CollectingProgress();
        var synthesizer = new StandIns.OriginalAsMinimal { MissingWarnings = ["'/etc/gone' was used by the function but is not in the image"] };
        var result = await Pipeline(fx, synthesizer, progress).RunAsync(Options(fx), CancellationToken.None);
        Assert.True(result.Report.Verified, result.Report.Outcome);
        Assert.Contains("warning: '/etc/gone' was used by the function but is not in the image", progress.Lines);
        Assert.Null(result.Failure);
        Assert.True(result.Report.Original.Files > 1000);
        Assert.True(result.Report.Original.Packages > 50);
        Assert.Equal(["trace", "inventory", "synthesize", "verify"], result.Report.Stages.Select(static s => s.Stage));
        // Nothing traced (stand-in host): the zoneinfo group shows as untouched (CASES 10's listing).
        Assert.Contains(result.Report.LazyGroups, static g => g.Name == "timezone data" && !g.Touched);
        Assert.True(File.Exists(Path.Combine(fx.Dir, "out", "report.md")));
    }

    private static SlimPipeline Pipeline(HarnessFixture fx, IImageSynthesizer synthesizer,
        ISlimProgress? progress = null) =>
        new(fx.Engine, _ => new UntracedHost(fx.Engine), synthesizer, progress ?? new StandIns.CollectingProgress());

    private static SlimOptions Options(HarnessFixture fx) => new()
    {
        SpecPath = Path.Combine(fx.Dir, "function.yaml"),
        OutputDirectory = Path.Combine(fx.Dir, "out"),
        Tracer = "fanotify",
        Labels = fx.Labels,
    };
}
