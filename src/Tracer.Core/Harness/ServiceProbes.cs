using System.Diagnostics;
using System.Net.Sockets;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>
/// Drives exec and http probes against a running service: waits until it is ready, then runs
/// each probe in the spec's order. Every problem becomes a probe result.
/// </summary>
internal sealed class ServiceProbes(FunctionContainer function, RunningFunction running)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task<IReadOnlyList<ProbeResult>> RunAsync(IReadOnlyList<Probe> probes, CancellationToken ct)
    {
        var readiness = function.Spec.Readiness
            ?? new Readiness(function.ServicePorts().FirstOrDefault() is var p and > 0 ? p : null, null,
                Readiness.DefaultTimeout);
        var notReady = await WaitReadyAsync(readiness, ct).ConfigureAwait(false);
        var results = new List<ProbeResult>();
        foreach (var probe in probes)
        {
            results.Add(notReady is not null
                ? ProbeResult.Broken(probe, notReady.Value.Why, 0, notReady.Value.Stdout, notReady.Value.Stderr)
                : await RunOneAsync(probe, ct).ConfigureAwait(false));
        }
        return results;
    }

    public async Task<ProbeResult> RunOneAsync(Probe probe, CancellationToken ct)
    {
        if (await ExitedAsync(ct).ConfigureAwait(false) is { } exited)
        {
            var (stdout, stderr) = await running.Engine.LogsAsync(running.ContainerId, ct).ConfigureAwait(false);
            return ProbeResult.Broken(probe, $"the function is not running (exited with {exited})", 0, stdout, stderr);
        }
        return probe.Kind == ProbeKind.Http
            ? await HttpProbeClient.RunAsync(probe, await HostPortAsync(probe.Http!.Port, ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false)
            : await ExecAsync(probe, ct).ConfigureAwait(false);
    }

    private async Task<ProbeResult> ExecAsync(Probe probe, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(probe.Timeout);
        try
        {
            // Explicit user and folder: the probe runs as the function does (CASES 7).
            var output = await running.Engine.ExecAsync(running.ContainerId, probe.Exec!, function.User,
                function.WorkingDir, null, deadline.Token).ConfigureAwait(false);
            return ProbeCheck.Command(probe, output.ExitCode, output.Stdout, output.Stderr, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Late(probe, $"timed out after {probe.Timeout.TotalSeconds:0} s",
                clock.Elapsed.TotalSeconds);
        }
        catch (global::Docker.DotNet.DockerApiException e)
        {
            return ProbeResult.Broken(probe, "docker exec failed", clock.Elapsed.TotalSeconds, "",
                (e.ResponseBody ?? e.Message).Trim());
        }
    }

    private async Task<(string Why, string Stdout, string Stderr)?> WaitReadyAsync(Readiness readiness,
        CancellationToken ct)
    {
        if (readiness.Port is null && readiness.ProbeName is null)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        var probe = function.Spec.Probes.FirstOrDefault(p => p.Name == readiness.ProbeName);
        string last = "";
        while (clock.Elapsed < readiness.Timeout)
        {
            if (await ExitedAsync(ct).ConfigureAwait(false) is { } code)
            {
                var (o, e) = await running.Engine.LogsAsync(running.ContainerId, ct).ConfigureAwait(false);
                return ($"the function exited with {code} before it was ready", o, e);
            }
            if (probe is not null)
            {
                var result = await RunOneAsync(probe, ct).ConfigureAwait(false);
                if (result.Passed)
                {
                    return null;
                }
                last = string.Join("; ", result.Failures);
            }
            else if (await AcceptsAsync(await HostPortAsync(readiness.Port!.Value, ct).ConfigureAwait(false), ct)
                .ConfigureAwait(false))
            {
                return null;
            }
            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
        var (stdout, stderr) = await running.Engine.LogsAsync(running.ContainerId, ct).ConfigureAwait(false);
        var what = probe is not null ? $"probe '{probe.Name}' never passed ({last})"
            : $"port {readiness.Port} never accepted a connection";
        return ($"not ready after {readiness.Timeout.TotalSeconds:0} s: {what}", stdout, stderr);
    }

    /// <summary>
    /// A port is ready when a connection stays open: Docker's userland proxy accepts on the host
    /// even when nothing listens in the container, then closes at once.
    /// </summary>
    private static async Task<bool> AcceptsAsync(int hostPort, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, hostPort, ct).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromMilliseconds(300));
            var read = await socket.ReceiveAsync(new byte[1], SocketFlags.None, wait.Token).ConfigureAwait(false);
            return read > 0;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true; // Held open and silent: something listens.
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<int> HostPortAsync(int containerPort, CancellationToken ct)
    {
        if (function.HostNetwork)
        {
            return containerPort;
        }
        var inspect = await running.Engine.Client.Containers.InspectContainerAsync(running.ContainerId, ct)
            .ConfigureAwait(false);
        var ports = inspect.NetworkSettings?.Ports;
        if (ports is not null && ports.TryGetValue($"{containerPort}/tcp", out var bindings)
            && bindings?.FirstOrDefault(static b => b.HostIP == "127.0.0.1") is { } binding
            && int.TryParse(binding.HostPort, out var hostPort))
        {
            return hostPort;
        }
        throw new TracerException("container port not published on 127.0.0.1", $"{containerPort}/tcp",
            "use network: bridge (published on loopback) or host", ErrorCategory.Usage);
    }

    private async Task<long?> ExitedAsync(CancellationToken ct)
    {
        var inspect = await running.Engine.Client.Containers.InspectContainerAsync(running.ContainerId, ct)
            .ConfigureAwait(false);
        return inspect.State is { Running: false } state ? state.ExitCode : null;
    }
}
