using System.Net;
using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Functions;

/// <summary>dotnet-api on its original image: culture-aware answers from Debian's ICU.</summary>
public sealed class DotnetApiTests
{
    private const string Name = "dotnet-api";
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [RequiresFact(Requirement.Docker)]
    public async Task Probes_OriginalImage_FormatPerCulture()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();
        var id = await containers.StartAsync(new ContainerSpec { Image = image, LoopbackPorts = ["8080/tcp"] });
        using var http = await containers.WaitHttpReadyAsync(id,
            await containers.HostPortAsync(id, "8080/tcp"), "/healthz", Ready);

        var french = await http.GetStringAsync("/format?culture=fr-FR&amount=1234567.891");
        var german = await http.GetStringAsync("/format?culture=de-DE&date=2024-12-24");
        using var unknown = await http.GetAsync("/format?culture=xx-NOPE");

        Assert.Equal("fr-FR\t1\u202F234\u202F567,89\t1\u202F234\u202F567,89 €\tsamedi 30 mars 2024\n",
            french);
        Assert.Equal("de-DE\t1.234,50\t1.234,50 €\tDienstag, 24. Dezember 2024\n", german);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task SelfTest_OriginalImage_Passes()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec { Image = image, Cmd = ["--self-test"] });

        Assert.True(output.ExitCode == 0, output.Stdout + output.Stderr);
        Assert.Contains("self-test: 7 passed, 0 failed", output.Stdout, StringComparison.Ordinal);
    }
}
