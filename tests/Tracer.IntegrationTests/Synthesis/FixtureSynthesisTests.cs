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
        await FixtureImages.EnsureAsync(fixture);
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

    [RequiresTheory(Requirement.Docker | Requirement.Root | Requirement.Strace)]
    [InlineData("node-thumb")]
    [InlineData("dotnet-api")]
    public async Task ServerFixture_MinimalImage_StartsAndAnswersHealthz(string fixture)
    {
        const string Port = "8080/tcp";
        var image = $"tracer-fixtures/{fixture}:latest";
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var engine = DockerEngine.Connect();
        await FixtureImages.EnsureAsync(fixture);
        var dir = Directory.CreateTempSubdirectory("tracer-synth-srv-").FullName;
        var tag = $"tracer-test/synth-{fixture}:{TestRun.Id}";
        try
        {
            var original = "";
            var (trace, _) = await StracedRun.TraceAsync(engine, image, dir, cts.Token, Port,
                async port => original = await HealthzAsync(port, cts.Token));
            TraceFile.Write(Path.Combine(dir, "trace"), trace);
            var result = await Synthesizer.RunAsync(new SynthesisOptions
            {
                Image = image,
                Traces = [Path.Combine(dir, "trace")],
                Tag = tag,
                OutputDirectory = Path.Combine(dir, "out"),
                TempDirectory = dir,
                Engine = engine,
            }, cts.Token);
            output.WriteLine($"{fixture}: {result.SourceBytes} -> {result.LayerBytes} bytes, kept {result.Kept.Count} of "
                + $"{result.SourceEntries}, {result.Packages.Count} packages, {result.Missing.Count} missing, "
                + $"synthesis {result.SynthesisTime.TotalSeconds:F2}s; missing: {string.Join(", ", result.Missing)}");
            var id = await engine.CreateAsync(new ContainerSpec
            {
                Image = tag,
                NetworkMode = "bridge",
                LoopbackPorts = [Port],
                Labels = TestRun.Labels,
            }, cts.Token);
            try
            {
                await engine.StartAsync(id, cts.Token);
                var minimal = await HealthzAsync(await StracedRun.HostPortAsync(engine, id, Port, cts.Token), cts.Token);
                Assert.Equal(original, minimal);
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

    /// <summary>GET /healthz on 127.0.0.1 until it answers 200 (startup under strace is slow).</summary>
    private static async Task<string> HealthzAsync(int port, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}";
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
            {
            }
            Assert.True(DateTime.UtcNow < deadline, $"no 200 from /healthz on 127.0.0.1:{port}");
            await Task.Delay(250, ct);
        }
    }
}
