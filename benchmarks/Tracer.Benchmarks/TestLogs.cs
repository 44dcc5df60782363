namespace Tracer.Benchmarks;

/// <summary>Finds the captured logs kept with the unit tests (tests/Tracer.Tests/Tracing/NAME).</summary>
internal static class TestLogs
{
    public static string Directory(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Tracer.Tests", "Tracing", name);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"tests/Tracer.Tests/Tracing/{name} above {AppContext.BaseDirectory}");
    }
}
