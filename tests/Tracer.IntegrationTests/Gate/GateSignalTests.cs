using System.Globalization;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Gate;

/// <summary>The gate as PID 1: signal forwarding and zombie reaping, against a real container.</summary>
public sealed class GateSignalTests
{
    private const Requirement Needs = Requirement.Docker | Requirement.Root;
    private const int SigTerm = 15;

    [RequiresTheory(Needs)]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("HUP")]
    [InlineData("QUIT")]
    [InlineData("USR1")]
    [InlineData("USR2")]
    public async Task Signal_SentToContainer_ReachesProgramTrap(string signal)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var script = $"trap 'echo caught-{signal}; exit 0' {signal}; echo ready; while :; do sleep 0.1; done";
        await using var c = await GatedContainer.StartAsync(["sh", "-c", script], cts.Token);
        await c.ReleaseAsync(cts.Token);
        await c.WaitForOutputAsync("ready", cts.Token);

        await c.KillAsync(signal, cts.Token);
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"caught-{signal}", result.Stdout, StringComparison.Ordinal);
    }

    [RequiresFact(Needs)]
    public async Task Signal_ProgramWithoutHandler_ExitsWith128PlusSignal()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["sh", "-c", "echo ready; exec sleep 60"], cts.Token);
        await c.ReleaseAsync(cts.Token);
        await c.WaitForOutputAsync("ready", cts.Token);

        await c.KillAsync("TERM", cts.Token);
        Assert.Equal(128 + SigTerm, (await c.ResultAsync(cts.Token)).ExitCode);
    }

    [RequiresFact(Needs)]
    public async Task Signal_BeforeRelease_GateExitsWithoutRunningProgram()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["sh", "-c", "echo ran"], cts.Token);
        // The kernel drops a signal to a namespace's PID 1 that has no handler yet: wait for it.
        var pid = await c.PidAsync(cts.Token);
        while (!CatchesSignal(pid, SigTerm))
        {
            await Task.Delay(20, cts.Token);
        }

        await c.KillAsync("TERM", cts.Token);
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(128 + SigTerm, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [RequiresFact(Needs)]
    public async Task Reap_OrphanExits_NoZombieRemains()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // The inner shell leaves a short sleep behind; it is re-parented to PID 1 (the gate).
        var script = "sh -c 'sleep 0.2 & echo orphaned'; sleep 60";
        await using var c = await GatedContainer.StartAsync(["sh", "-c", script], cts.Token);
        await c.ReleaseAsync(cts.Token);
        await c.WaitForOutputAsync("orphaned", cts.Token);

        await Task.Delay(TimeSpan.FromSeconds(1.5), cts.Token);
        var children = HostProcesses.ChildrenOf(await c.PidAsync(cts.Token));
        Assert.DoesNotContain(children, p => p.State == 'Z');
        Assert.Contains(children, p => p.Command == "sleep"); // the program itself still runs
    }

    private static bool CatchesSignal(int pid, int signal)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigCgt:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }
}
