using Tracer.IntegrationTests.Harness;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Tracing;

/// <summary><c>tracer trace</c> exit codes: a failing function is exit 3 with its trace kept; an
/// input the engine refuses is one line, exit 2.</summary>
public sealed class TraceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-trace-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFact(Requirement.Docker | Requirement.Root | Requirement.Strace)]
    public async Task Trace_FunctionExitsNonZero_Exit3AndTraceWritten()
    {
        var image = await BusyboxImage.GetAsync();
        var run = await CliRun.StartAsync(null, "trace", image, "-o", _dir, "--tracer", "strace",
            "--", "sh", "-c", "exit 7");
        Assert.True(run.ExitCode == 3, run.Stderr);
        Assert.Contains("error: the traced command failed: 'sh -c exit 7': exit 7.", run.Stderr,
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "trace.json")));
    }

    [RequiresFact(Requirement.Docker | Requirement.Root | Requirement.Strace)]
    public async Task Trace_UnknownUser_OneLineExit2()
    {
        var image = await BusyboxImage.GetAsync();
        var run = await CliRun.StartAsync(null, "trace", image, "-o", _dir, "--tracer", "strace",
            "-u", "nosuchuser", "--", "true");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: the Docker engine could not start the container as its user: 'nosuchuser': ",
            line, StringComparison.Ordinal);
        Assert.Contains("unable to find user nosuchuser", line, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Trace_InvalidImageReference_OneLineExit2()
    {
        var run = await CliRun.StartAsync(null, "trace", "UPPER:Case", "-o", _dir);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: image reference rejected by the Docker engine: 'UPPER:Case': ", line,
            StringComparison.Ordinal);
        Assert.Contains("invalid reference format", line, StringComparison.Ordinal);
    }
}
