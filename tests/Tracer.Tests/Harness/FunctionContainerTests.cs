using Tracer.Harness;
using Tracer.Harness.Spec;

namespace Tracer.Tests.Harness;

public sealed class FunctionContainerTests
{
    private static readonly ImageFacts Image = new("app:latest", "sha256:abc", ["python3", "/app/main.py"],
        ["/app/data/events.json"], "app", "/app", ["PATH=/usr/bin"]);

    private static FunctionSpec Spec(string yaml) =>
        SpecReader.Parse(new StringReader(yaml), "function.yaml", Path.GetTempPath());

    [Fact]
    public void Command_NoOverride_EntrypointPlusCmd()
    {
        var function = new FunctionContainer(Spec("image: a\nprobes: [{name: r, run: {}}]\n"), Image,
            new Dictionary<string, string>());
        Assert.Equal(["python3", "/app/main.py", "/app/data/events.json"], function.Command());
        Assert.Equal(("app", "/app"), (function.User, function.WorkingDir));
        Assert.False(function.IsService);
    }

    [Fact]
    public void Command_SpecAndProbeOverrides_ReplaceCmdKeepEntrypoint()
    {
        var spec = Spec("image: a\ncommand: [x.json]\nuser: root\nprobes:\n  - {name: r, run: {command: [y.json]}}\n"
            + "  - {name: s, run: {}}\n");
        var function = new FunctionContainer(spec, Image, new Dictionary<string, string>());
        Assert.Equal(["python3", "/app/main.py", "y.json"], function.Command(spec.Probes[0]));
        Assert.Equal(["python3", "/app/main.py", "x.json"], function.Command(spec.Probes[1]));
        Assert.Equal("root", function.User);
    }

    [Fact]
    public void For_Service_PublishesProbePortsOnLoopbackUnlessHostNetwork()
    {
        var spec = Spec("image: a\nenv: {A: b}\nprobes: [{name: h, http: {port: 8080}}]\nreadiness: {port: 9090}\n");
        var function = new FunctionContainer(spec, Image, new Dictionary<string, string> { ["l"] = "v" });
        var container = function.For(function.Command());
        Assert.True(function.IsService);
        Assert.Equal(["8080/tcp", "9090/tcp"], container.LoopbackPorts);
        Assert.Equal(["A=b"], container.Env);
        Assert.Equal("sha256:abc", container.Image);
        Assert.Null(container.Cmd);
        var host = new FunctionContainer(spec with { Network = "host" }, Image, new Dictionary<string, string>());
        Assert.Empty(host.For([]).LoopbackPorts);
    }

    [Theory]
    [InlineData("tracer-fixtures/py-report:latest", "tracer-fixtures/py-report:slim")]
    [InlineData("localhost:5000/app", "localhost:5000/app:slim")]
    [InlineData("app@sha256:00", "app:slim")]
    public void DefaultTag_KeepsRepository(string image, string expected) =>
        Assert.Equal(expected, SlimOptions.DefaultTag(image));
}
