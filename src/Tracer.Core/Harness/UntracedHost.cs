using Docker.DotNet;
using Tracer.Docker;

namespace Tracer.Harness;

/// <summary>Runs the function's container with nothing attached: the verification side.</summary>
public sealed class UntracedHost(DockerEngine engine) : IFunctionHost
{
    public string Name => "untraced";

    public async Task<HostedRun> RunAsync(ContainerSpec container,
        Func<RunningFunction, CancellationToken, Task>? whileRunning, TimeSpan timeout, CancellationToken ct)
    {
        var id = await engine.CreateAsync(container, ct).ConfigureAwait(false);
        try
        {
            try
            {
                await engine.StartAsync(id, ct).ConfigureAwait(false);
            }
            catch (TracerException e) when (e.InnerException is DockerApiException
            {
                StatusCode: System.Net.HttpStatusCode.BadRequest,
            })
            {
                // The runtime could not exec the command (e.g. not in the image): on the image
                // under test that is a failed run, reported as docker run reports it, exit 127
                // with the engine's message.
                return new HostedRun(127, "", e.Reason ?? e.Message, false, null);
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(timeout);
            var timedOut = false;
            long exit;
            try
            {
                if (whileRunning is not null)
                {
                    await whileRunning(new RunningFunction(engine, id), deadline.Token).ConfigureAwait(false);
                }
                exit = await engine.WaitAsync(id, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                timedOut = true;
                await engine.KillAsync(id, "SIGKILL", CancellationToken.None).ConfigureAwait(false);
                exit = await engine.WaitAsync(id, CancellationToken.None).ConfigureAwait(false);
            }
            var (stdout, stderr) = await engine.LogsAsync(id, ct).ConfigureAwait(false);
            return new HostedRun(exit, stdout, stderr, timedOut, null);
        }
        finally
        {
            await engine.RemoveAsync(id).ConfigureAwait(false);
        }
    }
}
