using System.Diagnostics;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;
using Tracer.Tracing.Strace;

namespace Tracer.Tests.Tracing.Strace;

public sealed class IngestStraceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-ingest-").FullName;

    [RequiresFact(Requirement.Strace)]
    public async Task IngestStrace_PlainHostStraceLog_WritesExpectedAllowlist()
    {
        var data = Path.Combine(_dir, "in", "data.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        await File.WriteAllTextAsync(data, "x");
        var log = Path.Combine(_dir, "cat.log");
        // Plain `strace -f -o`: no -y, relative paths resolved through the cwd given to ingest.
        using (var strace = Process.Start(new ProcessStartInfo("strace",
            ["-f", "-s", "4096", "-o", log, "/bin/sh", "-c", "cd in && /bin/cat data.txt missing.txt; mkdir new"])
        { WorkingDirectory = _dir, RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            await strace.WaitForExitAsync();
        }
        var output = Path.Combine(_dir, "out");

        var code = await Cli.Program.Main(["ingest-strace", log, "--out", output, "--cwd", _dir]);

        Assert.Equal(0, code);
        var allow = await File.ReadAllLinesAsync(Path.Combine(output, TraceFile.AllowlistFileName));
        Assert.Contains("/bin/cat", allow);
        Assert.Contains("/bin/sh", allow);
        Assert.Contains(data, allow);
        Assert.Contains(Path.Combine(_dir, "in"), allow);
        Assert.DoesNotContain(Path.Combine(_dir, "in", "missing.txt"), allow);
        Assert.DoesNotContain(Path.Combine(_dir, "in", "new"), allow);
        Assert.DoesNotContain(allow, p => p.StartsWith("/dev/", StringComparison.Ordinal));
        var trace = TraceFile.Read(Path.Combine(output, TraceFile.TraceFileName));
        Assert.True(trace.Accesses.TryGet(Path.Combine(_dir, "in", "missing.txt"), out var missing));
        Assert.Equal(AccessKind.Missing, missing.Kinds);
        Assert.Equal("strace", trace.Facts.Backend);
    }

    [Fact]
    public async Task IngestStrace_NoSuchLog_IsUsageError()
    {
        var code = await Cli.Program.Main(["ingest-strace", Path.Combine(_dir, "nope"), "--out", _dir]);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task IngestStrace_GarbageFile_IsUsageErrorNamingTheFile()
    {
        var log = Path.Combine(_dir, "garbage.log");
        await File.WriteAllTextAsync(log, "hello\nthis is not strace\n");

        var e = Assert.Throws<TracerException>(() => StraceIngest.Run(log, null, null));
        var code = await Cli.Program.Main(["ingest-strace", log, "--out", Path.Combine(_dir, "out")]);

        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.Equal(("no strace lines found", log), (e.What, e.Value));
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
