using System.Diagnostics;
using Tracer.Docker;

namespace Tracer.IntegrationTests.Gate;

/// <summary>
/// The gate as a plain host process (not PID 1, so a child subreaper), released through
/// <see cref="Tracer.Docker.Gate"/>'s FIFO: the protocol without Docker in the way.
/// </summary>
public sealed class GateProcessTests
{
    [Fact]
    public async Task Release_HostProcess_RunsProgramWithArguments()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var gate = Tracer.Docker.Gate.Create();
        using var process = StartGate(gate, "sh", "-c", "echo \"$0 $1\"", "one", "two");

        await gate.ReleaseAsync(process.WaitForExitAsync(cts.Token), TimeSpan.FromSeconds(30), cts.Token);
        await process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("one two\n", await process.StandardOutput.ReadToEndAsync(cts.Token));
    }

    [Fact]
    public async Task Abort_HostProcess_Exits125()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var gate = Tracer.Docker.Gate.Create();
        using var process = StartGate(gate, "sh", "-c", "echo ran");

        while (!gate.Abort())
        {
            await Task.Delay(20, cts.Token);
        }
        await process.WaitForExitAsync(cts.Token);
        Assert.Equal(Tracer.Docker.Gate.ExitGateFailed, process.ExitCode);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync(cts.Token));
    }

    [Fact]
    public async Task Usage_NoProgram_Exits125WithUsageLine()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var gate = Tracer.Docker.Gate.Create();
        using var process = StartGate(gate);

        await process.WaitForExitAsync(cts.Token);
        Assert.Equal(Tracer.Docker.Gate.ExitGateFailed, process.ExitCode);
        Assert.StartsWith("tracer-gate: usage:", await process.StandardError.ReadToEndAsync(cts.Token),
            StringComparison.Ordinal);
    }

    private static Process StartGate(Tracer.Docker.Gate gate, params string[] command)
    {
        var info = new ProcessStartInfo(GateBinary.Locate(), command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["TRACER_GATE_RELEASE"] = gate.FifoPath;
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start the gate");
    }
}
