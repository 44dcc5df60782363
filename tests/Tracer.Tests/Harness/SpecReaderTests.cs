using Tracer.Harness.Spec;

namespace Tracer.Tests.Harness;

public sealed class SpecReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-spec-").FullName;

    public SpecReaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "tests"));
        File.WriteAllBytes(Path.Combine(_dir, "cat.png"), [0x89, 0x50]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Full = """
        image: tracer-fixtures/py-report:latest
        command: [python3, /app/main.py]
        env: {TZ: Europe/Paris}
        user: "1000:1000"
        workdir: /app
        network: host
        mounts: [{source: ./tests, target: /tests, readOnly: true}]
        probes:
          - name: own-command
            run: {}
            expect: {exitCode: 0, stdoutContains: "rows: 42"}
          - name: unit-tests
            exec: [python3, -m, pytest, -q, /tests]
            expect: {exitCode: 0}
          - name: resize
            http: {port: 8080, method: POST, path: /resize, bodyFile: cat.png,
                   contentType: image/png, timeoutSeconds: 10}
            expect: {status: 200, contentType: image/webp}
        readiness: {port: 8080, timeoutSeconds: 20}
        include: ["/etc/ssl/certs/**"]
        exclude: ["/usr/share/doc/**"]
        """;

    private FunctionSpec Parse(string yaml) =>
        SpecReader.Parse(new StringReader(yaml), "function.yaml", _dir);

    private SpecException Fails(string yaml) => Assert.Throws<SpecException>(() => Parse(yaml));

    [Fact]
    public void Parse_IssueExample_ReadsEveryField()
    {
        var spec = Parse(Full);
        Assert.Equal("tracer-fixtures/py-report:latest", spec.Image);
        Assert.Equal(["python3", "/app/main.py"], spec.Command);
        Assert.Equal([new("TZ", "Europe/Paris")], spec.Env);
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal("/app", spec.Workdir);
        Assert.Equal("host", spec.Network);
        Assert.Equal(new MountSpec(Path.Combine(_dir, "tests"), "/tests", true), Assert.Single(spec.Mounts));
        Assert.Equal([ProbeKind.Run, ProbeKind.Exec, ProbeKind.Http], spec.Probes.Select(p => p.Kind));
        Assert.Equal("rows: 42", spec.Probes[0].Expect.StdoutContains);
        Assert.Equal(["python3", "-m", "pytest", "-q", "/tests"], spec.Probes[1].Exec);
        var http = spec.Probes[2].Http!;
        Assert.Equal((8080, "POST", "/resize", "image/png"), (http.Port, http.Method, http.Path, http.ContentType));
        Assert.Equal(Path.Combine(_dir, "cat.png"), http.BodyFile);
        Assert.Equal(TimeSpan.FromSeconds(10), spec.Probes[2].Timeout);
        Assert.Equal(new Readiness(8080, null, TimeSpan.FromSeconds(20)), spec.Readiness);
        Assert.Equal(["/etc/ssl/certs/**"], spec.Include);
        Assert.Equal(["/usr/share/doc/**"], spec.Exclude);
    }

    [Fact]
    public void Parse_NoExpect_DefaultsToExitZeroOrStatus200()
    {
        var spec = Parse("image: a\nprobes:\n  - {name: r, run: }\n  - {name: h, http: {port: 80}}\n");
        Assert.Equal(0, spec.Probes[0].Expect.ExitCode);
        Assert.Equal(200, spec.Probes[1].Expect.Status);
        Assert.Equal(("GET", "/"), (spec.Probes[1].Http!.Method, spec.Probes[1].Http!.Path));
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_ErrorAtTheKey()
    {
        var e = Fails("image: a\nimagee: b\nprobes: [{name: r, run: {}}]\n");
        Assert.Equal((2, 1), (e.Line, e.Column));
        Assert.Equal("imagee", e.Value);
        Assert.Contains("unknown key", e.Problem);
        Assert.Contains("image, command", e.Hint);
    }

    [Fact]
    public void Parse_UnknownExpectKeyForKind_ErrorAtTheKey()
    {
        var e = Fails("image: a\nprobes:\n  - name: r\n    run: {}\n    expect: {status: 200}\n");
        Assert.Equal((5, 14), (e.Line, e.Column));
        Assert.Equal("status", e.Value);
    }

    [Fact]
    public void Parse_WrongType_ErrorAtTheValue()
    {
        var e = Fails("image: a\nprobes:\n  - name: r\n    run: {}\n    expect: {exitCode: zero}\n");
        Assert.Equal((5, 24), (e.Line, e.Column));
        Assert.Contains("whole number", e.Problem);
        Assert.Equal("zero", e.Value);
    }

    [Fact]
    public void Parse_ListWhereStringExpected_ErrorNamesTheKey()
    {
        var e = Fails("image: [a, b]\nprobes: [{name: r, run: {}}]\n");
        Assert.Equal((1, 8), (e.Line, e.Column));
        Assert.Contains("'image' must be a string", e.Problem);
    }

    [Fact]
    public void Parse_MissingImage_ErrorAtTheMapping()
    {
        var e = Fails("probes: [{name: r, run: {}}]\n");
        Assert.Equal((1, 1), (e.Line, e.Column));
        Assert.Equal("image", e.Value);
        Assert.Contains("missing required key", e.Problem);
    }

    [Fact]
    public void Parse_MissingProbeName_ErrorAtTheProbe()
    {
        var e = Fails("image: a\nprobes:\n  - run: {}\n");
        Assert.Equal((3, 5), (e.Line, e.Column));
        Assert.Equal("name", e.Value);
    }

    [Fact]
    public void Parse_TwoProbeKinds_Error()
    {
        var e = Fails("image: a\nprobes:\n  - {name: r, run: {}, exec: [ls]}\n");
        Assert.Contains("exactly one of run, exec or http", e.Problem);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Parse_MissingBodyFile_ErrorAtThePath()
    {
        var e = Fails("image: a\nprobes:\n  - name: h\n    http: {port: 80, bodyFile: dog.png}\n");
        Assert.Equal((4, 32), (e.Line, e.Column));
        Assert.Equal("dog.png", e.Value);
        Assert.Contains("file not found", e.Problem);
    }

    [Fact]
    public void Parse_MissingMountSource_ErrorAtThePath()
    {
        var e = Fails("image: a\nmounts:\n  - source: ./nope\n    target: /x\nprobes: [{name: r, run: {}}]\n");
        Assert.Equal((3, 13), (e.Line, e.Column));
        Assert.Equal("./nope", e.Value);
    }

    [Fact]
    public void Parse_BadNetwork_Error()
    {
        var e = Fails("image: a\nnetwork: overlay\nprobes: [{name: r, run: {}}]\n");
        Assert.Equal((2, 10), (e.Line, e.Column));
        Assert.Equal("overlay", e.Value);
    }

    [Fact]
    public void Parse_HttpProbeWithoutNetwork_Error()
    {
        var e = Fails("image: a\nnetwork: none\nprobes: [{name: h, http: {port: 80}}]\n");
        Assert.Contains("need a network", e.Problem);
    }

    [Fact]
    public void Parse_DuplicateProbeName_Error()
    {
        var e = Fails("image: a\nprobes:\n  - {name: r, run: {}}\n  - {name: r, run: {}}\n");
        Assert.Equal((4, 5), (e.Line, e.Column));
        Assert.Equal("r", e.Value);
    }

    [Fact]
    public void Parse_ReadinessNamesRunProbe_Error()
    {
        var e = Fails("image: a\nprobes: [{name: r, run: {}}]\nreadiness: {probe: r}\n");
        Assert.Equal((3, 20), (e.Line, e.Column));
    }

    [Fact]
    public void Parse_ReadinessPortWithoutNetwork_Error()
    {
        var e = Fails("image: a\nnetwork: none\nprobes: [{name: x, exec: [true]}]\nreadiness: {port: 8080}\n");
        Assert.Contains("readiness port needs a network", e.Problem);
        Assert.Equal((2, 10), (e.Line, e.Column));
    }

    [Fact]
    public void Parse_ReadinessWithOnlyRunProbes_Error()
    {
        var e = Fails("image: a\nprobes: [{name: r, run: {}}]\nreadiness: {port: 8080}\n");
        Assert.Contains("readiness without an exec or http probe", e.Problem);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Parse_SecondDocument_ErrorAtIt()
    {
        var e = Fails("image: a\nprobes: [{name: r, run: {}}]\n---\nimage: b\n");
        Assert.Contains("one YAML document", e.Problem);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Parse_RelativeGlob_Error()
    {
        var e = Fails("image: a\nprobes: [{name: r, run: {}}]\ninclude: [etc/ssl]\n");
        Assert.Equal((3, 11), (e.Line, e.Column));
    }

    [Fact]
    public void Parse_SyntaxError_ErrorWithPosition()
    {
        var e = Fails("image: a\nprobes: [{name: r, run: {}}\n");
        Assert.Contains("not valid YAML", e.Problem);
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Parse_UnclosedFlowMappingBeforeMoreLines_ErrorWithPosition()
    {
        // YamlDotNet's scanner throws InvalidOperationException here, not a YamlException.
        var e = Fails("image: x\nenv: {A: 1\nprobes: []\n");
        Assert.Contains("not valid YAML", e.Problem);
        Assert.Equal((2, 6), (e.Line, e.Column));
        Assert.Equal("unclosed {", e.Value);
    }

    [Fact]
    public void Parse_DuplicateKey_ErrorWithPosition()
    {
        var e = Fails("image: a\nimage: b\nprobes: [{name: r, run: {}}]\n");
        Assert.Contains("not valid YAML", e.Problem);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Parse_Empty_Error()
    {
        var e = Fails("");
        Assert.Contains("empty", e.Problem);
    }

    [Fact]
    public void Read_MissingFile_UsageError()
    {
        var e = Assert.Throws<TracerException>(() => SpecReader.Read(Path.Combine(_dir, "none.yaml")));
        Assert.Equal(ErrorCategory.Usage, e.Category);
    }

    [Fact]
    public void Message_PrintedByCli_IsOneLineWithFileLineColumn()
    {
        var e = Fails("image: a\nimagee: b\nprobes: [{name: r, run: {}}]\n");
        var line = Tracer.Cli.ErrorPrinter.Format(e);
        Assert.StartsWith("error: function.yaml:2:1: unknown key in the spec: 'imagee'. Expected one of:", line);
        Assert.DoesNotContain('\n', line);
    }
}
