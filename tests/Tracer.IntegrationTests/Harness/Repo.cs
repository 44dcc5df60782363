using System.Diagnostics;

namespace Tracer.IntegrationTests.Harness;

/// <summary>The repository checkout the tests run from, and its fixture images.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Spec(string fixture) => Path.Combine(Root, "tests", "functions", fixture, "function.yaml");

    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>
    /// tracer-fixtures/&lt;name&gt;:latest, built when the engine lacks it. An existing image is
    /// used as it is: helpers on other branches rebuild fixtures from their own recipes, and
    /// rebuilding from ours each time would only swap images under them.
    /// </summary>
    public static async Task<string> FixtureAsync(string name)
    {
        var tag = $"tracer-fixtures/{name}:latest";
        await BuildLock.WaitAsync();
        try
        {
            using (var engine = Tracer.Docker.DockerEngine.Connect())
            {
                try
                {
                    await engine.InspectImageAsync(tag, CancellationToken.None);
                    return tag;
                }
                catch (TracerException e) when (e.Category == ErrorCategory.Usage)
                {
                    // Not there yet: build it below.
                }
            }
            var start = new ProcessStartInfo(Path.Combine(Root, "tests", "functions", "build-images.sh"), name)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"building fixture {name} failed: {await stderr}");
            return tag;
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tracer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tracer.sln not found above " + AppContext.BaseDirectory);
    }
}
