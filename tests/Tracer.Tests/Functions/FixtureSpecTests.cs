using Tracer.Harness.Spec;

namespace Tracer.Tests.Functions;

/// <summary>The fixtures' function.yaml files are read by the real spec reader, as tracer slim reads them.</summary>
public sealed class FixtureSpecTests
{
    [Theory]
    [InlineData("py-report", 2)]
    [InlineData("sh-etl", 3)]
    [InlineData("node-thumb", 5)]
    [InlineData("dotnet-api", 5)]
    public void Read_FixtureSpec_NamesItsImageAndProbes(string name, int probes)
    {
        var folder = Path.Combine(RepoRoot(), "tests", "functions", name);

        var spec = SpecReader.Read(Path.Combine(folder, "function.yaml"));

        Assert.Equal($"tracer-fixtures/{name}:latest", spec.Image);
        Assert.Equal(probes, spec.Probes.Count);
        Assert.True(File.Exists(Path.Combine(folder, "recipe.sh")), "every fixture has its recipe");
    }

    [Theory]
    [InlineData("node-thumb")]
    [InlineData("dotnet-api")]
    public void Read_ServiceSpec_WaitsForHealthzOnLoopback(string name)
    {
        var spec = SpecReader.Read(Path.Combine(RepoRoot(), "tests", "functions", name, "function.yaml"));

        Assert.Equal("bridge", spec.Network);
        Assert.Equal("healthz", spec.Readiness?.ProbeName);
        Assert.All(spec.Probes.Where(static p => p.Http is not null), static p => Assert.Equal(8080, p.Http!.Port));
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
