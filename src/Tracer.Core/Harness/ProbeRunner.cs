using System.Diagnostics;
using Tracer.Harness.Spec;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>
/// Runs a spec's probes against one image through a host (traced or not). run probes, and the
/// exec probes of a batch function, each get their own container run to completion; a
/// service's exec and http probes share one container kept running until they are done.
/// </summary>
public sealed class ProbeRunner(FunctionContainer function, IFunctionHost host)
{
    /// <summary>Grace given on top of the probes' own timeouts for start-up and stop.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    /// <summary>How long a service gets to end on its stop signal before SIGKILL, as docker stop.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public async Task<ProbeOutcome> RunAsync(IReadOnlyList<Probe> probes, CancellationToken ct)
    {
        var results = new Dictionary<string, ProbeResult>(StringComparer.Ordinal);
        var traces = new List<TraceDocument>();
        foreach (var probe in probes.Where(p => p.Kind == ProbeKind.Run || (p.Kind == ProbeKind.Exec && !function.IsService)))
        {
            var command = probe.Kind == ProbeKind.Run ? function.Command(probe) : probe.Exec!;
            var clock = Stopwatch.StartNew();
            var run = await host.RunAsync(function.For(command), null, probe.Timeout, ct).ConfigureAwait(false);
            Collect(traces, run);
            results[probe.Name] = run.TimedOut
                ? ProbeResult.Late(probe, $"timed out after {probe.Timeout.TotalSeconds:0} s",
                    clock.Elapsed.TotalSeconds, run.Stdout, run.Stderr)
                : ProbeCheck.Command(probe, run.ExitCode, run.Stdout, run.Stderr, clock.Elapsed.TotalSeconds);
        }
        var service = probes.Where(p => p.Kind == ProbeKind.Http || (p.Kind == ProbeKind.Exec && function.IsService))
            .ToList();
        if (service.Count > 0)
        {
            foreach (var result in await RunServiceAsync(service, traces, ct).ConfigureAwait(false))
            {
                results[result.Name] = result;
            }
        }
        return new ProbeOutcome(probes.Select(p => results[p.Name]).ToList(), traces);
    }

    // Limitation: strace follows the gate's descendants only; docker exec processes are not
    // among them, so under strace or both a service's exec probes are traced by fanotify alone
    // (opens, no lookups). The eBPF backend follows them (processes that join the container).
    private async Task<IReadOnlyList<ProbeResult>> RunServiceAsync(IReadOnlyList<Probe> probes,
        List<TraceDocument> traces, CancellationToken ct)
    {
        IReadOnlyList<ProbeResult> results = [];
        var budget = probes.Aggregate((function.Spec.Readiness?.Timeout ?? Readiness.DefaultTimeout) + Slack,
            static (sum, p) => sum + p.Timeout);
        var run = await host.RunAsync(function.For(function.Command()), async (running, token) =>
        {
            results = await new ServiceProbes(function, running).RunAsync(probes, token).ConfigureAwait(false);
            await running.Engine.StopAsync(running.ContainerId, StopGrace, token).ConfigureAwait(false);
        }, budget, ct).ConfigureAwait(false);
        Collect(traces, run);
        if (results.Count == 0)
        {
            // The run ended before the probes finished: the whole budget went by.
            results = probes.Select(p => ProbeResult.Late(p,
                $"the service run timed out after {budget.TotalSeconds:0} s", 0, run.Stdout, run.Stderr)).ToList();
        }
        return results;
    }

    private static void Collect(List<TraceDocument> traces, HostedRun run)
    {
        if (run.Trace is not null)
        {
            traces.Add(run.Trace);
        }
    }
}
