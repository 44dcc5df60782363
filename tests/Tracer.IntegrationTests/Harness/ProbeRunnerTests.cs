using Tracer.Harness;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary>CASES 7: probes run with the image's USER, WORKDIR and ENV, as docker run would.</summary>
public sealed class ProbeRunnerTests
{
    [RequiresFact(Requirement.Docker)]
    public async Task BatchProbes_RunAndExec_AsImageUserWorkdirAndEnv()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        await using var fx = new HarnessFixture();
        var spec = fx.Spec($$"""
            image: {{image}}
            env: {EXTRA: from-spec}
            probes:
              - name: who-run
                run: {command: [/app/data/events.json]}
                expect: {stdoutContains: "rows: 42"}
              - name: who-exec
                exec: [python3, -c, "import os; print(os.getuid(), os.getgid(), os.getcwd(), os.environ['REPORT_TZ'], os.environ['EXTRA'])"]
                expect: {exitCode: 0, stdoutContains: "1000 1000 /app Europe/Paris from-spec"}
            """);
        var function = await fx.ContainerAsync(spec);
        var outcome = await new ProbeRunner(function, new UntracedHost(fx.Engine)).RunAsync(spec.Probes, CancellationToken.None);
        Assert.True(outcome.AllPassed, string.Join("\n", outcome.Results.SelectMany(static r => r.Failures.Append(r.Stderr))));
        Assert.Empty(outcome.Traces);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task ServiceProbes_ExecInRunningContainer_AsImageUserWorkdirAndEnv()
    {
        var image = await FixtureImages.EnsureAsync("node-thumb");
        await using var fx = new HarnessFixture();
        var spec = fx.Spec($$"""
            image: {{image}}
            env: {PORT: "8080"}
            network: bridge
            probes:
              - name: healthz
                http: {port: 8080, path: /healthz}
              - name: who
                exec: [node, -e, "console.log(process.getuid(), process.cwd(), process.env.PORT)"]
                expect: {stdoutContains: "1000 /app 8080"}
              - name: wrong-status
                http: {port: 8080, path: /no-such-route}
                expect: {status: 200}
            """);
        var function = await fx.ContainerAsync(spec);
        var outcome = await new ProbeRunner(function, new UntracedHost(fx.Engine)).RunAsync(spec.Probes, CancellationToken.None);
        Assert.True(outcome.Results[0].Passed, string.Join("; ", outcome.Results[0].Failures));
        Assert.True(outcome.Results[1].Passed, string.Join("; ", outcome.Results[1].Failures) + outcome.Results[1].Stderr);
        var failed = outcome.Results[2];
        Assert.False(failed.Passed);
        Assert.Equal(404, failed.Status);
        Assert.Equal("status 404, expected 200", Assert.Single(failed.Failures));
    }

    [RequiresFact(Requirement.Docker)]
    public async Task RunProbe_CommandFails_ResultCarriesExitCodeAndOutput()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        await using var fx = new HarnessFixture();
        var spec = fx.Spec($$"""
            image: {{image}}
            command: [/app/data/no-such-file.json]
            probes:
              - name: own-command
                run: {}
                expect: {exitCode: 0, stdoutContains: "rows: 42"}
            """);
        var function = await fx.ContainerAsync(spec);
        var result = Assert.Single((await new ProbeRunner(function, new UntracedHost(fx.Engine))
            .RunAsync(spec.Probes, CancellationToken.None)).Results);
        Assert.False(result.Passed);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"exit code {result.ExitCode}, expected 0", result.Failures);
        Assert.Contains("stdout does not contain 'rows: 42'", result.Failures);
        Assert.Contains("no-such-file.json", result.Stderr + result.Stdout);
    }
}
