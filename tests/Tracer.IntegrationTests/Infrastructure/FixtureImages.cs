using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tracer.IntegrationTests.Infrastructure;

/// <summary>
/// The fixture function images (tests/functions/). Each test asks for its image here, which runs
/// tests/functions/build-images.sh for it once per test process: the script reuses an image whose
/// recipe hash matches, so `dotnet test` alone works and a changed recipe is never run stale.
/// </summary>
public static class FixtureImages
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new();

    /// <summary>The checkout: the nearest folder above the test assembly that holds Tracer.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The fixture's folder, tests/functions/<paramref name="name"/>.</summary>
    public static string Folder(string name) => Path.Combine(RepoRoot, "tests", "functions", name);

    /// <summary>The fixture's spec for tracer slim, tests/functions/<paramref name="name"/>/function.yaml.</summary>
    public static string Spec(string name) => Path.Combine(Folder(name), "function.yaml");

    /// <summary>Builds the image when missing or stale; returns its tag.</summary>
    public static Task<string> EnsureAsync(string name) =>
        Builds.GetOrAdd(name, n => new Lazy<Task<string>>(() => BuildAsync(n))).Value;

    private static async Task<string> BuildAsync(string name)
    {
        var script = Path.Combine(RepoRoot, "tests", "functions", "build-images.sh");
        var start = new ProcessStartInfo("bash", [script, name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"cannot start '{script}'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {name} took more than {BuildTimeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {name} exited with {process.ExitCode}:\n{await stdout.ConfigureAwait(false)}"
                + await stderr.ConfigureAwait(false));
        }
        return $"tracer-fixtures/{name}:latest";
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tracer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Tracer.sln above '{AppContext.BaseDirectory}'");
    }
}
