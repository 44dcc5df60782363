using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tracer.Synthesis;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

/// <summary>The CLI's error contract for synth: one line, the file named, exit 2. These fail
/// before any engine is contacted.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-synth-cli").FullName;

    [Fact]
    public async Task Synth_MalformedTrace_OneLineNamingTheFileExit2()
    {
        var bad = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(bad, "{\"version\": 1, \"accesses\": [ {\"path\": 3} ]");
        var (code, stderr) = await RunAsync("synth", "img", "--trace", bad, "--tag", "a:b", "--out", _dir);
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains($"'{bad}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_MissingTraceFile_UsageErrorNamingIt()
    {
        var gone = Path.Combine(_dir, "nothing.json");
        var (code, stderr) = await RunAsync("synth", "img", "--trace", gone, "--tag", "a:b", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains($"'{gone}'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_BadTag_UsageError()
    {
        TraceFile.Write(_dir, new TraceDocument(new TraceFacts(), new AccessSet()));
        var (code, stderr) = await RunAsync("synth", "img", "--trace", _dir, "--tag", "Not A Tag", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("'Not A Tag'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_RelativeInclude_OneLineUsageErrorLikeTheSpec()
    {
        TraceFile.Write(_dir, new TraceDocument(new TraceFacts(), new AccessSet()));
        var (code, stderr) = await RunAsync("synth", "img", "--trace", _dir, "--tag", "a:b", "--out", _dir,
            "--include", "etc/**");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: '--include' globs must be absolute: 'etc/**'. Start them with /, e.g. /etc/ssl/certs/**.",
            line);
    }

    [Fact]
    public void Summary_Result_ListsExcludedWithReasonAndSizesInMiB()
    {
        var result = new SynthesisResult
        {
            ImageId = "sha256:new",
            Tag = "a:b",
            SourceImageId = "sha256:src",
            Kept = [],
            Missing = [],
            Excluded = new Dictionary<string, string> { ["/usr/share/doc/x"] = "--exclude /usr/share/doc/**" },
            Warnings = [],
            Packages = [],
            SourceBytes = 200L << 20,
            LayerBytes = 25L << 20,
            LayerPath = "rootfs.tar",
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(Cli.Commands.SynthCommand.Summary(result)))!;
        var text = Cli.Commands.SynthCommand.Text(result);

        Assert.Equal("/usr/share/doc/x", json["excluded"]![0]!["path"]!.GetValue<string>());
        Assert.Equal("--exclude /usr/share/doc/**", json["excluded"]![0]!["reason"]!.GetValue<string>());
        Assert.Contains("size 200.0 MiB -> 25.0 MiB\n", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Stderr)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tracer.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }
}
