using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;
using Tracer.Tracing.Ebpf;

namespace Tracer.IntegrationTests.Tracing;

/// <summary>tracer trace with the eBPF backend: the trace issue's acceptance cases, the
/// comparison with strace on every fixture, overflow and the fallback.</summary>
[Collection(TracedRuns.Name)]
public sealed class EbpfBackendTests
{
    private const Requirement Needs = Requirement.Root | Requirement.Docker | Requirement.Bpf;

    /// <summary>Each fixture run to completion with the same inputs: its own command, or its
    /// self-test for the HTTP functions. .NET's diagnostic pipes are named after the pid, so
    /// they are switched off to keep two runs comparable.</summary>
    public static TheoryData<string, string[]?, string[]> Fixtures => new()
    {
        { "py-report", null, [] },
        { "sh-etl", null, [] },
        { "node-thumb", ["node"], ["--test", "/app/test/"] },
        { "dotnet-api", ["/app/DotnetApi"], ["--self-test"] },
    };

    [RequiresTheory(Needs | Requirement.Strace)]
    [MemberData(nameof(Fixtures))]
    public async Task Run_EachFixture_EbpfAllowlistEqualsStrace(string fixture, string[]? entrypoint, string[] command)
    {
        var request = new TraceRequest
        {
            Image = await FixtureImages.EnsureAsync(fixture),
            Entrypoint = entrypoint,
            Command = command,
            Env = ["DOTNET_EnableDiagnostics=0"],
            NetworkMode = "none",
            Labels = TestRun.Labels,
        };

        var ebpf = await TraceAsync(request with { Backend = TraceBackend.Ebpf });
        var strace = await TraceAsync(request with { Backend = TraceBackend.Strace });

        Assert.Equal(strace.Facts.ExitCode, ebpf.Facts.ExitCode);
        Assert.Equal("ebpf", ebpf.Facts.Backend);
        var fromEbpf = ebpf.Accesses.AllowedPaths();
        Assert.Empty(strace.Accesses.AllowedPaths().Except(fromEbpf));
        // The one documented difference (README, "eBPF backend"): eBPF also names the file an
        // exec really ran (the target of /bin/sh or /usr/bin/python3); strace shows the name.
        foreach (var extra in fromEbpf.Except(strace.Accesses.AllowedPaths()))
        {
            Assert.True(ebpf.Accesses.TryGet(extra, out var record) && record.Kinds.HasFlag(AccessKind.Exec),
                $"{extra} only in the eBPF trace, as {record?.Kinds}");
        }
    }

    [RequiresFact(Needs)]
    public async Task Run_PyReportWithEbpf_HoldsSymlinkNameTargetLandmarkAndSources()
    {
        var document = await TraceAsync(new TraceRequest
        {
            Image = await FixtureImages.EnsureAsync("py-report"),
            Backend = TraceBackend.Ebpf,
            Labels = TestRun.Labels,
        });

        Assert.Equal(0, document.Facts.ExitCode);
        PyReportTrace.AssertPythonLookups(document.Accesses);
        // Opened through the /lib directory symlink: the kernel-side walk names the target.
        Assert.True(document.Accesses.TryGet("/lib/x86_64-linux-gnu/libc.so.6", out _));
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libc.so.6", document.Accesses.AllowedPaths());
        Assert.Equal(["ebpf"], document.Facts.Events.Keys);
    }

    [RequiresFact(Needs | Requirement.Fanotify)]
    public async Task Run_DefaultBackend_IsEbpfPlusFanotifyAndSeesTheElfInterpreter()
    {
        var document = await TraceAsync(new TraceRequest
        {
            Image = await FixtureImages.EnsureAsync("py-report"),
            Labels = TestRun.Labels,
        });

        Assert.Equal("ebpf+fanotify", document.Facts.Backend);
        Assert.Equal(["ebpf", "fanotify"], document.Facts.Events.Keys.Order());
        Assert.Contains("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", document.Accesses.AllowedPaths());
        Assert.True(document.Accesses.TryGet("/usr/lib/python3.11/os.py", out var os) && os.Kinds.HasFlag(AccessKind.Stat));
    }

    [RequiresFact(Needs)]
    public async Task Run_FastExitTenTimesWithEbpf_GivesTenIdenticalAllowlists()
    {
        var request = await CatRequestAsync(new EbpfOptions()) with { Backend = TraceBackend.Ebpf };
        var runs = new List<TraceDocument>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(await TraceAsync(request));
        }
        var allowed = runs[0].Accesses.AllowedPaths();

        Assert.Contains("/etc/debian_version", allowed);
        Assert.Contains("/usr/bin/cat", allowed);
        SameAllowlists.Assert(runs);
    }

    [RequiresFact(Needs)]
    public async Task Run_RingBufferOverflow_FailsAsTraceIncomplete()
    {
        var request = new TraceRequest
        {
            Image = await FixtureImages.EnsureAsync("py-report"),
            // 20000 distinct paths of 2.4 KB in a burst into one 4 KiB ring buffer page: no two
            // records fit at once, so the loader would have to take each before the next
            // stat (short paths were not enough: an idle core drained the page in time).
            Entrypoint = ["python3"],
            Command = ["-c", "import os\nd = '/nope/' + ('x' * 200 + '/') * 12\nfor i in range(20000): os.path.exists(f'{d}{i}')"],
            Backend = TraceBackend.Ebpf,
            Ebpf = new EbpfOptions { RingBufferBytes = 4096 },
            Labels = TestRun.Labels,
            NetworkMode = "none",
        };

        var e = await Assert.ThrowsAsync<TracerException>(() => TraceAsync(request));

        Assert.Equal(ErrorCategory.TraceIncomplete, e.Category);
        Assert.Contains("overflowed", e.What, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Root | Requirement.Docker | Requirement.Strace | Requirement.Fanotify)]
    public async Task Run_DefaultWithoutBtf_FallsBackToBothWithOneLine()
    {
        var progress = new List<string>();
        var request = await CatRequestAsync(new EbpfOptions { BtfPath = "/nonexistent/btf/vmlinux" });

        var document = await TraceAsync(request, progress.Add);

        Assert.Equal("both", document.Facts.Backend);
        var line = Assert.Single(progress, static l => l.Contains("eBPF", StringComparison.Ordinal));
        Assert.Contains("no kernel BTF at /nonexistent/btf/vmlinux", line, StringComparison.Ordinal);
        Assert.Contains("/etc/debian_version", document.Accesses.AllowedPaths());
    }

    [RequiresFact(Requirement.Root | Requirement.Docker | Requirement.Strace | Requirement.Fanotify)]
    public async Task Run_DefaultWhenLoaderFails_FallsBackToBothBeforeRelease()
    {
        var progress = new List<string>();
        // A kernel with BTF that still refuses the program: the loader ends without READY.
        var request = await CatRequestAsync(new EbpfOptions { LoaderPath = "/bin/false", BtfPath = "/proc/self/status" });

        var document = await TraceAsync(request, progress.Add);

        Assert.Equal("both", document.Facts.Backend);
        Assert.Single(progress, static l => l.StartsWith("eBPF tracing unavailable", StringComparison.Ordinal));
        Assert.Contains("/etc/debian_version", document.Accesses.AllowedPaths());
        Assert.Contains("/bin/cat", document.Accesses.AllowedPaths());
    }

    [RequiresFact(Requirement.Root | Requirement.Docker)]
    public async Task Run_EbpfWithoutBtf_IsEnvironmentError()
    {
        var request = new TraceRequest
        {
            Image = "tracer-fixtures/py-report:latest",
            Backend = TraceBackend.Ebpf,
            Ebpf = new EbpfOptions { BtfPath = "/nonexistent/btf/vmlinux" },
            Labels = TestRun.Labels,
        };

        var e = await Assert.ThrowsAsync<TracerException>(() => TraceAsync(request));

        Assert.Equal(ErrorCategory.Environment, e.Category);
        Assert.Contains("no kernel BTF", e.Value, StringComparison.Ordinal);
    }

    /// <summary>A run that exits within milliseconds: cat of one file in py-report.</summary>
    private static async Task<TraceRequest> CatRequestAsync(EbpfOptions ebpf) => new()
    {
        Image = await FixtureImages.EnsureAsync("py-report"),
        Entrypoint = ["/bin/cat"],
        Command = ["/etc/debian_version"],
        Ebpf = ebpf,
        Labels = TestRun.Labels,
        NetworkMode = "none",
    };

    private static async Task<TraceDocument> TraceAsync(TraceRequest request, Action<string>? progress = null)
    {
        using var engine = DockerEngine.Connect();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var session = new TraceSession(engine) { Progress = progress ?? (static _ => { }) };
        return await session.RunAsync(request with { Timeout = TimeSpan.FromMinutes(2) }, cts.Token);
    }
}
