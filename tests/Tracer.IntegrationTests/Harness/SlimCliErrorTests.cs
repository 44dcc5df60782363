using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

/// <summary>Bad specs and a stopped daemon give one clear line each (issue 5, "Done when").</summary>
public sealed class SlimCliErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-slim-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string SpecFile(string yaml)
    {
        var path = Path.Combine(_dir, "function.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Slim_UnknownKey_OneLineWithFileLineColumnAndExit2()
    {
        var spec = SpecFile("image: a\nprobes:\n  - name: r\n    run: {}\n    expect: {exitcode: 0}\n");
        var run = await CliRun.StartAsync(null, "slim", "--spec", spec);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {spec}:5:14: unknown key in expect (run or exec probe): 'exitcode'.", line);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Slim_MissingBodyFile_OneLineNamingThePath()
    {
        var spec = SpecFile("image: a\nprobes:\n  - name: h\n    http: {port: 80, bodyFile: missing.png}\n");
        var run = await CliRun.StartAsync(null, "slim", "--spec", spec);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^error: .*function\.yaml:4:32: file not found for 'bodyFile': 'missing\.png'\. ",
            Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task Slim_SpecNotFound_OneLine()
    {
        var run = await CliRun.StartAsync(null, "slim", "--spec", Path.Combine(_dir, "nope.yaml"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("function spec not found", Assert.Single(run.StderrLines));
    }

    [RequiresFact(Requirement.Root)]
    public async Task Slim_DaemonDown_OneLineAndExit4()
    {
        var spec = SpecFile("image: a\nprobes: [{name: r, run: {}}]\n");
        var env = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" };
        var run = await CliRun.StartAsync(env, "slim", "--spec", spec);
        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: cannot reach the Docker engine: 'unix:///nonexistent/docker.sock'", line);
    }

    [Fact]
    public async Task Verify_DaemonDown_OneLineAndExit4()
    {
        var spec = SpecFile("image: a\nprobes: [{name: r, run: {}}]\n");
        var env = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" };
        var run = await CliRun.StartAsync(env, "verify", "--spec", spec, "--image", "a");
        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith("error: cannot reach the Docker engine", Assert.Single(run.StderrLines));
    }
}
