using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;
using Tracer.Tracing.Fanotify;

namespace Tracer.IntegrationTests.Tracing;

/// <summary>tracer trace on the py-report fixture: what the "done when" lists.</summary>
[Collection(TracedRuns.Name)]
public sealed class TraceSessionTests
{
    private const Requirement Needs = Requirement.Root | Requirement.Docker | Requirement.Strace | Requirement.Fanotify;

    [RequiresFact(Needs)]
    public async Task Run_PyReport_HoldsSymlinkNameTargetInterpreterLandmarkAndSources()
    {
        var image = await FixtureImages.EnsureAsync("py-report");

        var document = await TraceAsync(new TraceRequest { Image = image, Backend = TraceBackend.Both, Labels = TestRun.Labels });

        var set = document.Accesses;
        var allowed = set.AllowedPaths();
        Assert.Equal(0, document.Facts.ExitCode);
        Assert.Contains("/usr/bin/python3", allowed);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", allowed);
        PyReportTrace.AssertPythonLookups(set);
        Assert.Equal(new[] { "fanotify", "strace" }, document.Facts.Events.Keys.Order());
    }

    [RequiresTheory(Needs)]
    [InlineData(TraceBackend.Fanotify)]
    [InlineData(TraceBackend.Both)]
    public async Task Run_FastExitTenTimes_GivesTenIdenticalAllowlists(TraceBackend backend)
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        var request = new TraceRequest
        {
            Image = image,
            Entrypoint = ["/bin/cat"],
            Command = ["/etc/debian_version"],
            Backend = backend,
            Labels = TestRun.Labels,
            NetworkMode = "none",
        };
        var runs = new List<TraceDocument>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(await TraceAsync(request));
        }
        var allowed = runs[0].Accesses.AllowedPaths();

        // fanotify sees the last file opened just before the exit, and the ELF interpreter.
        Assert.Contains("/etc/debian_version", allowed);
        Assert.Contains("/usr/bin/cat", allowed);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", allowed);
        SameAllowlists.Assert(runs);
    }

    [RequiresFact(Needs)]
    public async Task Run_TempFilesMadeAndRemovedFourTimes_GivesIdenticalAllowlistsWithoutThem()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        // A random temp dir with a file, an O_TMPFILE, a pid-named write-then-rename (pytest's
        // .pyc pattern), an unlink, and a write refused in an app-owned read-only dir: CASES 3, 13.
        const string Script = """
            import os, shutil, tempfile
            d = tempfile.mkdtemp(prefix="fixtrace-")
            open(os.path.join(d, "data.txt"), "w").write("x")
            shutil.rmtree(d)
            with tempfile.TemporaryFile() as f:
                f.write(b"x")
            p = "/tmp/out.txt.%d" % os.getpid()
            open(p, "w").write("x")
            os.replace(p, "/tmp/out.txt")
            os.unlink("/tmp/out.txt")
            try:
                open("/app/tests/cache.%d" % os.getpid(), "wb")
            except PermissionError:
                pass
            """;
        var request = new TraceRequest
        {
            Image = image,
            Entrypoint = ["python3", "-c", Script],
            Labels = TestRun.Labels,
            NetworkMode = "none",
        };
        var runs = await TracesAsync(request, 4);
        var allowed = runs[0].Accesses.AllowedPaths();

        Assert.Contains("/tmp", allowed);
        Assert.DoesNotContain(allowed, static p => p.StartsWith("/tmp/", StringComparison.Ordinal)
            || p.StartsWith("/app/tests/cache.", StringComparison.Ordinal));
        SameAllowlists.Assert(runs);
    }

    [RequiresFact(Needs)]
    public async Task Run_PyReportPytestThreeTimes_GivesIdenticalAllowlists()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        var request = new TraceRequest
        {
            Image = image,
            Entrypoint = ["python3", "-m", "pytest", "-q", "/app/tests"],
            WorkingDir = "/app",
            Env = ["REPORT_TZ=Europe/Paris"],
            Labels = TestRun.Labels,
            NetworkMode = "none",
        };
        var runs = await TracesAsync(request, 3);
        var allowed = runs[0].Accesses.AllowedPaths();

        Assert.DoesNotContain(allowed, static p => p.Contains(".pyc.", StringComparison.Ordinal));
        SameAllowlists.Assert(runs);
    }

    [RequiresFact(Needs)]
    public async Task Run_QueueOverflow_FailsAsTraceIncomplete()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var image = await FixtureImages.EnsureAsync("py-report");
        var request = new TraceRequest
        {
            Image = image,
            // 20000 distinct new files: more FAN_OPEN events than the default 16384-event queue.
            Entrypoint = ["python3"],
            Command = ["-c", "import os\nfor i in range(20000): open(f'/tmp/f{i}', 'w').close()"],
            Backend = TraceBackend.Fanotify,
            Fanotify = new FanotifyOptions { DeferReading = true },
            Labels = TestRun.LabelsForCase(caseId),
            NetworkMode = "none",
        };

        var e = await Assert.ThrowsAsync<TracerException>(() => TraceAsync(request));

        Assert.Equal(ErrorCategory.TraceIncomplete, e.Category);
        Assert.Contains("overflow", e.What, StringComparison.Ordinal);
        await AssertNoContainersLeftAsync(caseId);
    }

    [RequiresFact(Needs)]
    public async Task Run_PastTimeout_IsTimeoutErrorAndRemovesContainer()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var image = await FixtureImages.EnsureAsync("py-report");
        var request = new TraceRequest
        {
            Image = image,
            Entrypoint = ["sleep"],
            Command = ["60"],
            Labels = TestRun.LabelsForCase(caseId),
            NetworkMode = "none",
        };
        using var engine = DockerEngine.Connect();

        var e = await Assert.ThrowsAsync<TracerException>(() =>
            new TraceSession(engine).RunAsync(request with { Timeout = TimeSpan.FromSeconds(2) }, CancellationToken.None));

        Assert.Equal(ErrorCategory.Timeout, e.Category);
        await AssertNoContainersLeftAsync(caseId);
    }

    [RequiresFact(Requirement.Root | Requirement.Docker)]
    public async Task Run_UnknownImage_IsUsageErrorAndCreatesNoContainer()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var request = new TraceRequest { Image = "tracer-test/no-such-image:never", Labels = TestRun.LabelsForCase(caseId) };

        var e = await Assert.ThrowsAsync<TracerException>(() => TraceAsync(request));

        Assert.Equal(ErrorCategory.Usage, e.Category);
        await AssertNoContainersLeftAsync(caseId);
    }

    [RequiresFact(Needs)]
    public async Task Run_StraceOnlyWithMount_ReportsMountNotAllowlisted()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        var host = Directory.CreateTempSubdirectory("tracer-mount-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(host, "in.txt"), "x");
            var request = new TraceRequest
            {
                Image = image,
                Entrypoint = ["/bin/cat"],
                Command = ["/data/in.txt", "/etc/os-release"],
                Mounts = [$"{host}:/data:ro"],
                Backend = TraceBackend.Strace,
                Labels = TestRun.Labels,
                NetworkMode = "none",
            };

            var document = await TraceAsync(request);

            var allowed = document.Accesses.AllowedPaths();
            Assert.Equal(["/data"], document.Facts.BindMounts);
            Assert.DoesNotContain(allowed, static p => p.StartsWith("/data", StringComparison.Ordinal));
            Assert.Contains("/etc/os-release", allowed);
            Assert.Contains("/usr/lib/os-release", allowed);
            Assert.Equal(new[] { "strace" }, document.Facts.Events.Keys);
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [RequiresFact(Requirement.Root | Requirement.Docker)]
    public async Task TraceCommand_UnknownImage_ExitsWithUsageCode()
    {
        var output = Directory.CreateTempSubdirectory("tracer-cli-").FullName;
        try
        {
            var code = await Cli.Program.Main(["trace", "tracer-test/no-such-image:never", "--out", output]);

            Assert.Equal(2, code);
            Assert.False(File.Exists(Path.Combine(output, TraceFile.TraceFileName)));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Traces <paramref name="request"/> <paramref name="runs"/> times; each run must
    /// succeed and name no file by its unlinked "(deleted)" name.</summary>
    private static async Task<List<TraceDocument>> TracesAsync(TraceRequest request, int runs)
    {
        var documents = new List<TraceDocument>();
        for (var i = 0; i < runs; i++)
        {
            var document = await TraceAsync(request);
            Assert.Equal(0, document.Facts.ExitCode);
            Assert.DoesNotContain(document.Accesses.Sorted(),
                static r => r.Path.EndsWith(" (deleted)", StringComparison.Ordinal));
            documents.Add(document);
        }
        return documents;
    }

    private static async Task<TraceDocument> TraceAsync(TraceRequest request)
    {
        using var engine = DockerEngine.Connect();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await new TraceSession(engine).RunAsync(request with { Timeout = TimeSpan.FromMinutes(2) }, cts.Token);
    }

    private static async Task AssertNoContainersLeftAsync(string caseId)
    {
        using var engine = DockerEngine.Connect();
        var left = await engine.Client.Containers.ListContainersAsync(new global::Docker.DotNet.Models.ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{TestRun.CaseLabel}={caseId}"] = true },
            },
        });
        Assert.Empty(left);
    }
}
