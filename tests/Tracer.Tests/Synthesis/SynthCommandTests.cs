using System.Diagnostics;
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
