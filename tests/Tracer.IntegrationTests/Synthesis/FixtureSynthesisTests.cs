using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Synthesis;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;

namespace Tracer.IntegrationTests.Synthesis;

/// <summary>Fixture functions end to end: trace (strace), synthesize, run the own command.</summary>
public sealed class FixtureSynthesisTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [RequiresTheory(Requirement.Docker | Requirement.Root | Requirement.Strace)]
    [InlineData("py-report", "rows: 42", "python3.11-minimal")]
    [InlineData("sh-etl", "revenue-cents: 28040", "jq")]
    public async Task Fixture_MinimalImage_OwnCommandOutputEqualsOriginal(string fixture, string expected, string package)
    {
        var image = $"tracer-fixtures/{fixture}:latest";
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var engine = DockerEngine.Connect();
        await EnsureFixtureAsync(engine, fixture, cts.Token);
        var dir = Directory.CreateTempSubdirectory("tracer-synth-py-").FullName;
        var tag = $"tracer-test/synth-{fixture}:{TestRun.Id}";
        try
        {
            var (trace, original) = await StracedRun.TraceAsync(engine, image, dir, cts.Token);
            Assert.Equal(0L, original.ExitCode);
            TraceFile.Write(Path.Combine(dir, "trace"), trace);
            var result = await Synthesizer.RunAsync(new SynthesisOptions
            {
                Image = image,
                Traces = [Path.Combine(dir, "trace")],
                Tag = tag,
                OutputDirectory = Path.Combine(dir, "out"),
                Excludes = ["/usr/share/doc/**", "/usr/share/man/**"],
                TempDirectory = dir,
                Engine = engine,
            }, cts.Token);
            output.WriteLine($"{fixture}: {result.SourceBytes} -> {result.LayerBytes} bytes, kept {result.Kept.Count} of "
                + $"{result.SourceEntries}, {result.Packages.Count} packages, {result.Missing.Count} missing, "
                + $"synthesis {result.SynthesisTime.TotalSeconds:F2}s, save {result.SaveTime.TotalSeconds:F2}s, "
                + $"load {result.LoadTime.TotalSeconds:F2}s");
            output.WriteLine("stdout: " + original.Stdout);
            Assert.True(result.LayerBytes < result.SourceBytes / 2, $"layer {result.LayerBytes} of {result.SourceBytes}");
            Assert.Contains(package, result.Packages);

            var id = await engine.CreateAsync(new ContainerSpec { Image = tag, NetworkMode = "none", Labels = TestRun.Labels }, cts.Token);
            try
            {
                await engine.StartAsync(id, cts.Token);
                var code = await engine.WaitAsync(id, cts.Token);
                var (stdout, stderr) = await engine.LogsAsync(id, cts.Token);
                Assert.Equal((0L, original.Stdout), (code, stdout));
                Assert.Contains(expected, stdout, StringComparison.Ordinal);
                Assert.Equal(original.Stderr, stderr);
            }
            finally
            {
                await engine.RemoveAsync(id);
            }
        }
        finally
        {
            await engine.RemoveImageAsync(tag);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Builds the fixture with the fixtures' own script when the engine lacks it.</summary>
    private static async Task EnsureFixtureAsync(DockerEngine engine, string fixture, CancellationToken ct)
    {
        if (await engine.ImageExistsAsync($"tracer-fixtures/{fixture}:latest", ct))
        {
            return;
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests/functions/build-images.sh")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        await ProcessRunner.RunAsync("bash", [Path.Combine(dir.FullName, "tests/functions/build-images.sh"), fixture], ct);
    }
}
