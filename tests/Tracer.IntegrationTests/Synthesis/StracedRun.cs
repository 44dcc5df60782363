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
    /// <param name="port">A container port ("8080/tcp") to publish on 127.0.0.1 for <paramref name="drive"/>.</param>
    /// <param name="drive">Run while traced with the published host port (a server's probes);
    /// the container is then stopped with SIGTERM.</param>
    public static async Task<(TraceDocument Trace, ContainerOutput Output)> TraceAsync(
        DockerEngine engine, string image, string directory, CancellationToken ct,
        string? port = null, Func<int, Task>? drive = null)
    {
        var inspect = await engine.InspectImageAsync(image, ct);
        using var gate = Tracer.Docker.Gate.Create();
        var id = await engine.CreateAsync(new ContainerSpec
        {
            Image = image,
            Entrypoint = Tracer.Docker.Gate.Wrap(inspect.Config?.Entrypoint, inspect.Config?.Cmd),
            Cmd = [],
            Binds = [gate.Bind],
            NetworkMode = port is null ? "none" : "bridge",
            LoopbackPorts = port is null ? [] : [port],
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
            if (drive is not null && port is not null)
            {
                await drive(await HostPortAsync(engine, id, port, ct));
                await engine.KillAsync(id, "TERM", ct);
            }
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

    /// <summary>The 127.0.0.1 port the engine published <paramref name="port"/> on.</summary>
    public static async Task<int> HostPortAsync(DockerEngine engine, string id, string port, CancellationToken ct)
    {
        var inspect = await engine.Client.Containers.InspectContainerAsync(id, ct);
        var binding = inspect.NetworkSettings!.Ports![port]![0];
        return int.Parse(binding.HostPort, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> IsTracedAsync(int pid)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        return status.Any(static l => l.StartsWith("TracerPid:", StringComparison.Ordinal) && l.Trim() != "TracerPid:\t0"
            && !l.EndsWith("\t0", StringComparison.Ordinal));
    }
}
