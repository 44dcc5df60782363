using System.Diagnostics;
using Tracer.IntegrationTests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary>Runs the tracer CLI as a subprocess (its own console and environment), collects its output.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> StartAsync(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var tracerDll = typeof(Tracer.Cli.Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = FixtureImages.RepoRoot,
        };
        start.ArgumentList.Add(tracerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
