namespace Tracer.IntegrationTests.Infrastructure;

/// <summary>The fixture images of tests/functions, built by its build-images.sh when missing.</summary>
internal static class FixtureImage
{
    private static readonly SemaphoreSlim Lock = new(1, 1);

    public static async Task<string> GetAsync(string name)
    {
        var tag = $"tracer-fixtures/{name}:latest";
        await Lock.WaitAsync();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var found = await ProcessRunner.RunAsync("docker", ["images", "--quiet", tag], cts.Token);
            if (found.Trim().Length == 0)
            {
                await ProcessRunner.RunAsync(Path.Combine(RepoRoot(), "tests", "functions", "build-images.sh"), [name],
                    cts.Token);
            }
            return tag;
        }
        finally
        {
            Lock.Release();
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tracer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Tracer.sln above " + AppContext.BaseDirectory);
    }
}
