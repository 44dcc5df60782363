using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Functions;

/// <summary>py-report on its original image, run as `docker run` would.</summary>
public sealed class PyReportTests
{
    private const string Name = "py-report";

    [RequiresFact(Requirement.Docker)]
    public async Task OwnCommand_OriginalImage_PrintsSummary()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec { Image = image });

        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.Equal("rows: 42 categories: 4 total: 2186.37 sha256: b960d95b91a75d5f\n", output.Stdout);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task PytestSuite_OriginalImage_Passes()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec
        {
            Image = image,
            Entrypoint = ["python3", "-m", "pytest", "-q", "/app/tests"],
        });

        Assert.True(output.ExitCode == 0, output.Stdout + output.Stderr);
        Assert.Contains("8 passed", output.Stdout, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task OwnCommand_AsUserApp_WritesIntoAppOwnedDirAndTmp()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();
        var config = await containers.Engine.InspectImageAsync(image, CancellationToken.None);

        var output = await containers.RunAsync(new ContainerSpec
        {
            Image = image,
            Entrypoint = ["/bin/sh", "-c",
                "python3 /app/main.py /app/data/events.json >/dev/null && id -un && id -gn && "
                + "stat -c '%n %U:%G %a' /app/out /app/out/report.db /app/out/report.csv.gz /tmp"],
        });

        Assert.Equal("app", config.Config?.User);
        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.Equal(
            "app\napp\n/app/out app:app 755\n/app/out/report.db app:app 644\n"
            + "/app/out/report.csv.gz app:app 644\n/tmp root:root 1777\n",
            output.Stdout);
    }
}
