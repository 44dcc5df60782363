using Tracer.Docker;

namespace Tracer.Harness;

/// <summary>
/// Runs one container of the function: plainly, or under a tracer. The harness does not care
/// which; a traced host returns the trace with the run.
/// </summary>
public interface IFunctionHost
{
    /// <summary>untraced, fanotify, strace, both…</summary>
    string Name { get; }

    /// <summary>
    /// Creates and starts <paramref name="container"/>, calls <paramref name="whileRunning"/>
    /// (which may stop it), then waits for the exit, at most <paramref name="timeout"/> after
    /// the start; on timeout the container is killed and the run says so. The container is
    /// removed before this returns, also on cancellation.
    /// </summary>
    Task<HostedRun> RunAsync(ContainerSpec container, Func<RunningFunction, CancellationToken, Task>? whileRunning,
        TimeSpan timeout, CancellationToken ct);
}
