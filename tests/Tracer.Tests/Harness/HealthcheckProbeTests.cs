using Docker.DotNet.Models;
using Tracer.Harness;
using Tracer.Harness.Spec;

namespace Tracer.Tests.Harness;

public sealed class HealthcheckProbeTests
{
    private const string Service = "image: a\nprobes: [{name: h, http: {port: 8080}}]\n";

    private static FunctionSpec Spec(string yaml) =>
        SpecReader.Parse(new StringReader(yaml), "function.yaml", Path.GetTempPath());

    private static HealthcheckConfig Health(params string[] test) => new() { Test = test };

    [Fact]
    public void AddTo_ServiceWithCmd_AddsExecProbeOfItsArguments()
    {
        var spec = HealthcheckProbe.AddTo(Spec(Service), Health("CMD", "node", "/app/healthcheck.js"));
        var probe = spec.Probes[^1];
        Assert.Equal((HealthcheckProbe.Name, ProbeKind.Exec), (probe.Name, probe.Kind));
        Assert.Equal(["node", "/app/healthcheck.js"], probe.Exec);
        Assert.Equal(0, probe.Expect.ExitCode);
    }

    [Fact]
    public void AddTo_CmdShell_RunsTheLineWithSh() =>
        Assert.Equal(["/bin/sh", "-c", "curl -f localhost || exit 1"],
            HealthcheckProbe.AddTo(Spec(Service), Health("CMD-SHELL", "curl -f localhost || exit 1")).Probes[^1].Exec);

    [Fact]
    public void AddTo_NoneBatchOrOwnProbe_Unchanged()
    {
        Assert.Single(HealthcheckProbe.AddTo(Spec(Service), Health("NONE")).Probes);
        Assert.Single(HealthcheckProbe.AddTo(Spec(Service), null).Probes);
        Assert.Single(HealthcheckProbe.AddTo(Spec("image: a\nprobes: [{name: r, run: {}}]\n"), Health("CMD", "true")).Probes);
        var own = Spec("image: a\nprobes: [{name: h, http: {port: 80}}, {name: healthcheck, exec: [x]}]\n");
        Assert.Equal(["x"], HealthcheckProbe.AddTo(own, Health("CMD", "true")).Probes[^1].Exec);
    }
}
