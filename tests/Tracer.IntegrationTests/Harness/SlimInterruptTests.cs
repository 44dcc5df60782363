using System.Diagnostics;
using System.Text.RegularExpressions;
using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary>Ctrl-C during tracer slim: exit 130 and no container of the run is left.</summary>
public sealed partial class SlimInterruptTests
{
    [GeneratedRegex(@"session ([0-9a-f]{12}):")]
    private static partial Regex Session();

    [RequiresFact(Requirement.Docker | Requirement.Root | Requirement.Strace | Requirement.Fanotify)]
    public async Task Slim_SigintWhileServiceProbesRun_Exit130AndContainersRemoved()
    {
        await FixtureImages.EnsureAsync("node-thumb");
        var output = Directory.CreateTempSubdirectory("tracer-slim-int-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = FixtureImages.RepoRoot,
        };
        foreach (var arg in new[] { typeof(Tracer.Cli.Program).Assembly.Location, "slim", "--spec",
            FixtureImages.Spec("node-thumb"), "--tag", $"tracer-test/int-{Guid.NewGuid():N}:slim", "--out", output })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string? session = null;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            session ??= Session().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            if (line.Contains("trace:", StringComparison.Ordinal))
            {
                break;
            }
        }
        Assert.NotNull(session);
        using var engine = DockerEngine.Connect();
        // Wait until the traced service container exists, then interrupt.
        for (var i = 0; i < 100 && await CountAsync(engine, session) == 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await CountAsync(engine, session) > 0, "the traced container never appeared");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        var rest = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 130, await rest + await stdout);
        Assert.Contains("error: interrupted: 'SIGINT': ", await rest);
        Assert.Equal(0, await CountAsync(engine, session));
        Directory.Delete(output, recursive: true);
    }

    private static async Task<int> CountAsync(DockerEngine engine, string session)
    {
        var list = await engine.Client.Containers.ListContainersAsync(new global::Docker.DotNet.Models.ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{Tracer.Harness.SlimPipeline.SessionLabel}={session}"] = true },
            },
        });
        return list.Count;
    }
}
