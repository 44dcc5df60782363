using System.Diagnostics;
using Tracer.Docker;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;
using Tracer.Tracing.Strace;

namespace Tracer.IntegrationTests.Synthesis;

/// <summary>
/// A real trace for synthesis tests until <c>tracer trace</c> lands: the image's own command
/// behind the gate, host <c>strace -f -y -p</c> attached before release, the log ingested.
/// </summary>
internal static class StracedRun
{
    public static async Task<(TraceDocument Trace, ContainerOutput Output)> TraceAsync(
        DockerEngine engine, string image, string directory, CancellationToken ct)
    {
        var inspect = await engine.InspectImageAsync(image, ct);
        using var gate = Tracer.Docker.Gate.Create();
        var id = await engine.CreateAsync(new ContainerSpec
        {
            Image = image,
            Entrypoint = Tracer.Docker.Gate.Wrap(inspect.Config?.Entrypoint, inspect.Config?.Cmd),
            Cmd = [],
            Binds = [gate.Bind],
            NetworkMode = "none",
            Labels = TestRun.Labels,
        }, ct);
        try
        {
            await engine.StartAsync(id, ct);
            var pid = await engine.PidAsync(id, ct);
            var log = Path.Combine(directory, "strace.log");
            using var strace = Process.Start(new ProcessStartInfo("strace",
                ["-f", "-y", "-qq", "-s", "4096", "-o", log, "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardError = true,
            })!;
            while (!await IsTracedAsync(pid))
            {
                await Task.Delay(20, ct);
            }
            var exited = engine.WaitAsync(id, ct);
            await gate.ReleaseAsync(exited, TimeSpan.FromSeconds(10), ct);
            var code = await exited;
            await strace.WaitForExitAsync(ct);
            var (stdout, stderr) = await engine.LogsAsync(id, ct);
            var (document, _) = StraceIngest.Run(log, inspect.Config?.WorkingDir is { Length: > 0 } wd ? wd : "/", null);
            var trace = new TraceDocument(document.Facts with
            {
                Image = image,
                ImageId = inspect.ID,
                BindMounts = [Tracer.Docker.Gate.MountPoint],
                ExitCode = (int)code,
            }, document.Accesses);
            return (trace, new ContainerOutput(code, stdout, stderr));
        }
        finally
        {
            await engine.RemoveAsync(id);
        }
    }

    private static async Task<bool> IsTracedAsync(int pid)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        return status.Any(static l => l.StartsWith("TracerPid:", StringComparison.Ordinal) && l.Trim() != "TracerPid:\t0"
            && !l.EndsWith("\t0", StringComparison.Ordinal));
    }
}
