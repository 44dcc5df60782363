using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Functions;

/// <summary>sh-etl on its original image: a #!/bin/sh entrypoint running jq, gzip and base64.</summary>
public sealed class ShEtlTests
{
    private const string Name = "sh-etl";

    private static string Expected =>
        File.ReadAllText(Path.Combine(FixtureImages.Folder(Name), "app", "tests", "expected.txt"));

    [RequiresFact(Requirement.Docker)]
    public async Task OwnCommand_OriginalImage_PrintsExpectedSummary()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec { Image = image });

        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.Equal(Expected, output.Stdout);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task OwnCommand_GzipInput_PrintsTheSameSummary()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec
        {
            Image = image,
            Cmd = ["/app/data/events.jsonl.gz"],
        });

        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.Equal(Expected, output.Stdout);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task ScriptTests_OriginalImage_Pass()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec
        {
            Image = image,
            Entrypoint = ["/bin/sh", "/app/tests/run.sh"],
        });

        Assert.True(output.ExitCode == 0, output.Stdout + output.Stderr);
        Assert.Contains("sh-etl tests: 6 passed, 0 failed", output.Stdout, StringComparison.Ordinal);
    }
}
