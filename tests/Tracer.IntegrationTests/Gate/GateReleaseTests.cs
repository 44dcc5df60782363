using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Gate;

/// <summary>The gate's release protocol and exec failures, against a real container.</summary>
public sealed class GateReleaseTests
{
    private const Requirement Needs = Requirement.Docker | Requirement.Root;

    [RequiresFact(Needs)]
    public async Task Release_BeforeRelease_ProgramDoesNotRun()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["sh", "-c", "echo ran"], cts.Token);

        await Task.Delay(TimeSpan.FromSeconds(1), cts.Token);
        Assert.False(c.Exited.IsCompleted);
        Assert.Equal("", (await c.LogsAsync(cts.Token)).Stdout);
        Assert.Single(await c.ProcessesAsync(cts.Token));

        await c.ReleaseAsync(cts.Token);
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ran\n", result.Stdout);
    }

    [RequiresFact(Needs)]
    public async Task Abort_GateWaiting_Exits125WithoutRunningProgram()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["sh", "-c", "echo ran"], cts.Token);

        while (!c.Abort())
        {
            await Task.Delay(20, cts.Token);
        }
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(125, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("tracer-gate: aborted", result.Stderr, StringComparison.Ordinal);
    }

    [RequiresFact(Needs)]
    public async Task Release_ReleaseVariableSet_ProgramDoesNotSeeIt()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(
            ["sh", "-c", "echo ${TRACER_GATE_RELEASE-unset}"], cts.Token,
            env: ["TRACER_GATE_RELEASE=/.tracer/release"]);

        await c.ReleaseAsync(cts.Token);
        Assert.Equal("unset\n", (await c.ResultAsync(cts.Token)).Stdout);
    }

    [RequiresFact(Needs)]
    public async Task Release_NonRootUser_GateAndProgramRunAsThatUser()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["id", "-u"], cts.Token, user: "65534:65534");

        await c.ReleaseAsync(cts.Token);
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("65534\n", result.Stdout);
    }

    [RequiresTheory(Needs)]
    [InlineData("no-such-program", 127, "No such file or directory")]
    [InlineData("/bin/no-such-program", 127, "No such file or directory")]
    [InlineData("/etc/hostname", 126, "Permission denied")]
    public async Task Exec_ProgramUnusable_ExitsWithShellCodeAndOneLine(string program, int code, string reason)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync([program, "arg"], cts.Token);

        await c.ReleaseAsync(cts.Token);
        var result = await c.ResultAsync(cts.Token);
        Assert.Equal(code, result.ExitCode);
        Assert.Equal($"tracer-gate: cannot exec '{program}': {reason}\n", result.Stderr);
    }

    [RequiresTheory(Needs)]
    [InlineData("exit 0", 0)]
    [InlineData("exit 7", 7)]
    [InlineData("kill -KILL $$", 137)]
    [InlineData("kill -TERM $$", 143)]
    public async Task Exit_ProgramEnds_GatePassesCodeThrough(string script, int code)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var c = await GatedContainer.StartAsync(["sh", "-c", script], cts.Token);

        await c.ReleaseAsync(cts.Token);
        Assert.Equal(code, (await c.ResultAsync(cts.Token)).ExitCode);
    }
}
