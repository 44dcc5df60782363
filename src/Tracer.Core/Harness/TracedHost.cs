using Tracer.Docker;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>Runs the function's container under the tracer (<see cref="TraceSession"/>): the original side.</summary>
public sealed class TracedHost(DockerEngine engine, TraceBackend backend) : IFunctionHost
{
    public string Name => backend.ToString().ToLowerInvariant();

    public async Task<HostedRun> RunAsync(ContainerSpec container,
        Func<RunningFunction, CancellationToken, Task>? whileRunning, TimeSpan timeout, CancellationToken ct)
    {
        var logs = (Stdout: "", Stderr: "");
        var request = new TraceRequest
        {
            Image = container.Image,
            Entrypoint = container.Entrypoint,
            Command = container.Cmd ?? [],
            Env = container.Env,
            User = container.User,
            WorkingDir = container.WorkingDir,
            Mounts = container.Binds,
            NetworkMode = container.NetworkMode,
            LoopbackPorts = container.LoopbackPorts,
            Labels = container.Labels,
            Timeout = timeout,
            Backend = backend,
            WhileRunning = whileRunning is null ? null : async (id, token) =>
            {
                // The session's own timeout starts after this returns; the probes get the budget.
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(timeout);
                await whileRunning(new RunningFunction(engine, id), deadline.Token).ConfigureAwait(false);
            },
            AfterExit = async (id, token) => logs = await engine.LogsAsync(id, token).ConfigureAwait(false),
        };
        try
        {
            var trace = await new TraceSession(engine).RunAsync(request, ct).ConfigureAwait(false);
            return new HostedRun(trace.Facts.ExitCode ?? -1, logs.Stdout, logs.Stderr, false, trace);
        }
        catch (TracerException e) when (e.Category == ErrorCategory.Timeout)
        {
            return new HostedRun(-1, logs.Stdout, logs.Stderr, true, null);
        }
    }
}
