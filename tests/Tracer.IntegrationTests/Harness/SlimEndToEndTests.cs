using System.Text.Json.Nodes;
using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary><c>tracer slim</c> end to end through the CLI: CASES 1, 5, 7, 10 and 11, and repair.</summary>
public sealed class SlimEndToEndTests : IAsyncLifetime
{
    private const Requirement Needs = Requirement.Docker | Requirement.Root | Requirement.Strace | Requirement.Fanotify;
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-slim-e2e-").FullName;
    private readonly List<string> _tags = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var engine = DockerEngine.Connect();
        foreach (var tag in _tags)
        {
            try
            {
                // Not forced: when another tag (a demo's :slim) names the same image, only ours goes.
                await engine.Client.Images.DeleteImageAsync(tag,
                    new global::Docker.DotNet.Models.ImageDeleteParameters { Force = false }, CancellationToken.None);
            }
            catch (global::Docker.DotNet.DockerImageNotFoundException)
            {
            }
        }
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(CliRun Run, JsonNode? Report)> SlimAsync(string spec, params string[] extra)
    {
        var tag = $"tracer-test/slim-{_id}-{_tags.Count}:slim";
        _tags.Add(tag);
        var output = Path.Combine(_dir, $"out-{_tags.Count}");
        var run = await CliRun.StartAsync(null, ["slim", "--spec", spec, "--tag", tag, "--out", output, .. extra]);
        var report = Path.Combine(output, "report.json");
        return (run, File.Exists(report) ? JsonNode.Parse(File.ReadAllText(report)) : null);
    }

    [RequiresFact(Needs)]
    public async Task Slim_PyReport_VerifiedSmallerWithLazyGroupsListed()
    {
        await FixtureImages.EnsureAsync("py-report");
        var (run, report) = await SlimAsync(FixtureImages.Spec("py-report"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("verified: ", run.Stdout);
        Assert.True(report!["verified"]!.GetValue<bool>());
        // The default asks for auto; the report says what it resolved to here.
        Assert.Equal("auto", report["tracer"]!.GetValue<string>());
        var resolved = Tracer.Tracing.Ebpf.EbpfSupport.Unavailable() is null ? "ebpf+fanotify" : "both";
        Assert.Equal([resolved], report["tracedWith"]!.AsArray().Select(static b => b!.GetValue<string>()));
        Assert.Contains($"traced    with {resolved} (asked: auto)", run.Stdout);
        Assert.True(report["minimal"]!["files"]!.GetValue<int>() < report["original"]!["files"]!.GetValue<int>() / 5);
        Assert.True(report["minimal"]!["sizeBytes"]!.GetValue<long>() < report["original"]!["sizeBytes"]!.GetValue<long>() / 2);
        // CASES 1 and 7: both probes (as USER app in /app) pass on the minimal image.
        Assert.All(report["probes"]!.AsArray(), static p => Assert.True(p!["minimal"]!["passed"]!.GetValue<bool>()));
        // CASES 10: timezone data is reached by the function (REPORT_TZ) and kept; NSS modules are not.
        var groups = report["lazyGroups"]!.AsArray();
        var tz = groups.Single(static g => g!["name"]!.GetValue<string>() == "timezone data")!;
        Assert.True(tz["touched"]!.GetValue<bool>());
        Assert.True(tz["filesInMinimal"]!.GetValue<int>() > 0);
        Assert.Contains(groups, static g => g!["name"]!.GetValue<string>() == "NSS modules" && !g["touched"]!.GetValue<bool>());
        Assert.Contains("NSS modules", run.Stdout);
        Assert.Contains(report["attackSurface"]!["removed"]!["shells"]!.AsArray(),
            static p => p!.GetValue<string>() == "/usr/bin/bash");
    }

    [RequiresTheory(Needs)]
    [InlineData("node-thumb")]
    [InlineData("dotnet-api")]
    public async Task Slim_ServiceFixture_Verified(string fixture)
    {
        await FixtureImages.EnsureAsync(fixture);
        var (run, report) = await SlimAsync(FixtureImages.Spec(fixture));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(report!["verified"]!.GetValue<bool>());
        Assert.Contains(report["probes"]!.AsArray(), static p => p!["original"]!["kind"]!.GetValue<string>() == "http");
        Assert.DoesNotContain(report["attackSurface"]!["kept"]!.AsArray(),
            static k => k!["category"]!.GetValue<string>() is "shells" or "packageManagers");
        if (fixture == "node-thumb")
        {
            // Its HEALTHCHECK (node /app/healthcheck.js) ran as a probe on both images, so the
            // script is kept and the minimal image stays healthy.
            var health = Assert.Single(report["probes"]!.AsArray(),
                static p => p!["name"]!.GetValue<string>() == Tracer.Harness.HealthcheckProbe.Name);
            Assert.True(health!["minimal"]!["passed"]!.GetValue<bool>());
        }
    }

    [RequiresFact(Needs)]
    public async Task Slim_FanotifyOnly_FailsWithMissingPaths_RepairTwoVerifies()
    {
        await FixtureImages.EnsureAsync("py-report");
        var (failed, failedReport) = await SlimAsync(FixtureImages.Spec("py-report"), "--tracer", "fanotify");
        Assert.True(failed.ExitCode == 1, failed.Stdout + failed.Stderr);
        Assert.StartsWith("NOT verified: ", failed.Stdout);
        var missing = failedReport!["rounds"]![0]!["missingPaths"]!.AsArray().Select(static p => p!.GetValue<string>());
        Assert.Contains("/usr/bin/python3", missing);
        Assert.Contains("/usr/bin/python3", failed.Stdout);

        var (repaired, report) = await SlimAsync(FixtureImages.Spec("py-report"), "--tracer", "fanotify", "--repair", "2");
        Assert.True(repaired.ExitCode == 0, repaired.Stdout + repaired.Stderr);
        var rounds = report!["rounds"]!.AsArray();
        Assert.InRange(rounds.Count, 2, 3);
        Assert.False(rounds[0]!["verified"]!.GetValue<bool>());
        Assert.True(rounds[^1]!["verified"]!.GetValue<bool>());
    }

    [RequiresFact(Needs)]
    public async Task Slim_ProbeFailsOnOriginal_Exit3WithProbeOutputAndNoImage()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        var spec = Path.Combine(_dir, "failing.yaml");
        File.WriteAllText(spec, $$"""
            image: {{image}}
            command: [/app/data/no-such-file.json]
            probes:
              - name: own-command
                run: {}
                expect: {exitCode: 0, stdoutContains: "rows: 42"}
            """);
        var (run, report) = await SlimAsync(spec);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no-such-file.json", run.Stderr);
        Assert.Contains("--- probe 'own-command' on the original image: stderr ---", run.Stderr);
        Assert.Contains(run.StderrLines, static l => l.StartsWith(
            "error: probe failed on the original image: 'own-command'. exit code", StringComparison.Ordinal));
        Assert.Null(report!["minimal"]);
        using var engine = DockerEngine.Connect();
        Assert.False(await engine.ImageExistsAsync(_tags[^1], CancellationToken.None));
    }

    [RequiresFact(Needs)]
    public async Task Slim_ShebangEntrypoint_ShellKeptBecauseTheFunctionRunsIt()
    {
        await FixtureImages.EnsureAsync("sh-etl");
        var (run, report) = await SlimAsync(FixtureImages.Spec("sh-etl"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var kept = report!["attackSurface"]!["kept"]!.AsArray()
            .Where(static k => k!["category"]!.GetValue<string>() == "shells").ToList();
        var dash = Assert.Single(kept, static k => k!["path"]!.GetValue<string>() == "/usr/bin/dash");
        Assert.Equal("kept because the function runs it", dash!["reason"]!.GetValue<string>());
        // The script's interpreter and the tools it runs are attributed to the script, every run.
        Assert.Equal("etl.sh", dash["usedByProgram"]?.GetValue<string>());
        var base64 = Assert.Single(report["attackSurface"]!["kept"]!.AsArray(),
            static k => k!["path"]!.GetValue<string>() == "/usr/bin/base64");
        Assert.Equal("etl.sh", base64!["usedByProgram"]?.GetValue<string>());
        Assert.Contains("/usr/bin/base64: kept because the function runs it", run.Stdout);
        Assert.Contains("/usr/bin/dash: kept because the function runs it", run.Stdout);
        Assert.Contains(report["attackSurface"]!["removed"]!["shells"]!.AsArray(),
            static p => p!.GetValue<string>() == "/usr/bin/bash");
    }

    /// <summary>CASES 13 with a plain shell redirect (an O_CREAT open no tracer can tell from an
    /// open of an existing file) into a directory of the image, and a USER root given by name,
    /// which the runtime looks up in /etc/passwd.</summary>
    [RequiresFact(Needs)]
    public async Task Slim_RedirectIntoImageDirectoryAsUserRootByName_Verified()
    {
        var context = Path.Combine(_dir, "redirect");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "run.sh"),
            "#!/bin/sh\nset -e\necho cache > /var/cache/rapp/cache.txt\nread v < /var/cache/rapp/cache.txt\necho \"$v ok\"\n");
        File.SetUnixFileMode(Path.Combine(context, "run.sh"), (UnixFileMode)0b111_101_101);
        var kept = await SlimBatchImageAsync(context, """
            FROM tracer-fixtures/sh-etl:latest
            USER root
            RUN mkdir -p /var/cache/rapp
            COPY run.sh /run.sh
            ENTRYPOINT ["/run.sh"]
            CMD []
            """, "", "cache ok");
        Assert.Contains("/var/cache/rapp\tcreated-dir", kept);
        Assert.DoesNotContain(kept, static l => l.StartsWith("/var/cache/rapp/cache.txt", StringComparison.Ordinal));
        Assert.Contains("/etc/passwd\tuser", kept);
    }

    /// <summary>CASES 6 and 7: the spec's user (not the image's USER) writes into a directory of
    /// a supplementary group; the minimal image needs that account and the group's member line.</summary>
    [RequiresFact(Needs)]
    public async Task Slim_SpecUserWithSupplementaryGroup_Verified()
    {
        var context = Path.Combine(_dir, "groups");
        Directory.CreateDirectory(context);
        var kept = await SlimBatchImageAsync(context, """
            FROM tracer-fixtures/sh-etl:latest
            USER root
            RUN groupadd -g 1500 shared && groupadd -g 1600 worker \
                && useradd -u 1600 -g worker -G shared -M -d /tmp worker \
                && mkdir -p /srv/drop && chgrp shared /srv/drop && chmod 2770 /srv/drop
            ENTRYPOINT ["/bin/sh", "-c", "echo x > /srv/drop/f && cat /srv/drop/f && echo wrote-ok"]
            """, "user: worker\n", "wrote-ok");
        Assert.Contains("/srv/drop\tcreated-dir", kept);
    }

    /// <summary>CASES 7 and 10 for a service: an exec probe (a docker exec process, outside the
    /// gate's tree) imports a module only it uses. The eBPF backend follows processes that join
    /// the container, so the .py that Python only stats is kept and the minimal image passes.</summary>
    [RequiresFact(Needs | Requirement.Bpf)]
    public async Task Slim_ServiceExecProbeImportsItsOwnModule_Verified()
    {
        var context = Path.Combine(_dir, "svc");
        Directory.CreateDirectory(Path.Combine(context, "www"));
        File.WriteAllText(Path.Combine(context, "www", "data.json"), "{\"name\": \"svc-ok\"}\n");
        var kept = await SlimBuiltImageAsync(context, "py-report", """
            FROM tracer-fixtures/py-report:latest
            COPY www /srv/www
            WORKDIR /srv/www
            EXPOSE 8080
            ENTRYPOINT ["python3", "-m", "http.server", "8080"]
            """, """
            readiness: {port: 8080, timeoutSeconds: 30}
            probes:
              - name: json
                http: {port: 8080, path: /data.json}
                expect: {status: 200, contentType: application/json}
              - name: inside
                exec: [python3, -c, "import urllib.request as r; print(r.urlopen('http://127.0.0.1:8080/data.json').read().decode())"]
                expect: {exitCode: 0, stdoutContains: svc-ok}
            """);
        Assert.Contains("/usr/lib/python3.11/urllib/request.py\ttraced", kept);
    }

    /// <summary>A batch function on sh-etl: one run probe expecting <paramref name="stdout"/>.</summary>
    private Task<string[]> SlimBatchImageAsync(string context, string dockerfile, string specLines, string stdout) =>
        SlimBuiltImageAsync(context, "sh-etl", dockerfile, $"{specLines}network: none\nprobes:\n  - name: own\n"
            + $"    run: {{}}\n    expect: {{stdoutContains: \"{stdout}\"}}\n");

    /// <summary>Builds <paramref name="dockerfile"/> in <paramref name="context"/> (on the
    /// <paramref name="fixture"/> image), slims it with <paramref name="specBody"/> (the spec
    /// after its image line), asserts it verified and returns its kept.txt lines.</summary>
    private async Task<string[]> SlimBuiltImageAsync(string context, string fixture, string dockerfile, string specBody)
    {
        await FixtureImages.EnsureAsync(fixture);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        var image = $"tracer-test/slim-{_id}-{Path.GetFileName(context)}:latest";
        _tags.Add(image);
        await ProcessRunner.RunAsync("docker", ["build", "--quiet", "--network", "none",
            "--label", $"{DockerLabels.TestRun}={Tracer.Tests.Infrastructure.TestRun.Id}", "--tag", image, context],
            CancellationToken.None);
        var spec = Path.Combine(context, "function.yaml");
        File.WriteAllText(spec, $"image: {image}\n{specBody}");
        var (run, report) = await SlimAsync(spec);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(report!["verified"]!.GetValue<bool>());
        return File.ReadAllLines(Path.Combine(_dir, $"out-{_tags.Count}", "image", "kept.txt"));
    }
}
