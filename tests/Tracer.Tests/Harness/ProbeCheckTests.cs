using Tracer.Harness;
using Tracer.Harness.Spec;

namespace Tracer.Tests.Harness;

public sealed class ProbeCheckTests
{
    private static Probe Probe(ProbeKind kind, ProbeExpectation expect) =>
        new() { Name = "p", Kind = kind, Expect = expect };

    [Fact]
    public void Command_AllMet_Passes()
    {
        var r = ProbeCheck.Command(Probe(ProbeKind.Run, new() { ExitCode = 0, StdoutContains = "rows: 42" }),
            0, "rows: 42\n", "", 1);
        Assert.True(r.Passed);
        Assert.Empty(r.Failures);
    }

    [Fact]
    public void Command_ExitAndOutputDiffer_EachFailureNamed()
    {
        var r = ProbeCheck.Command(Probe(ProbeKind.Exec,
            new() { ExitCode = 0, StdoutContains = "ok", StderrContains = "warn" }), 2, "no", "", 1);
        Assert.Equal(["exit code 2, expected 0", "stdout does not contain 'ok'", "stderr does not contain 'warn'"],
            r.Failures);
    }

    [Fact]
    public void Http_ContentTypeParametersIgnored()
    {
        var r = ProbeCheck.Http(Probe(ProbeKind.Http, new() { Status = 200, ContentType = "application/json" }),
            200, "application/json; charset=utf-8", "{}", 1);
        Assert.True(r.Passed);
        Assert.Equal("application/json", r.ContentType);
    }

    [Fact]
    public void Http_BinaryMediaType_BodyMatchedButShownAsSize()
    {
        var r = ProbeCheck.Http(Probe(ProbeKind.Http, new() { Status = 200, BodyContains = "custom payload" }),
            200, "application/x-custom", "custom payload\n", 1, "<15 bytes of application/x-custom>");
        Assert.True(r.Passed);
        Assert.Equal("<15 bytes of application/x-custom>", r.Stdout);
    }

    [Fact]
    public void Same_DifferentExitCodes_NotSame()
    {
        var probe = Probe(ProbeKind.Run, new() { ExitCode = null });
        Assert.False(ProbeCheck.Same(ProbeCheck.Command(probe, 0, "", "", 1), ProbeCheck.Command(probe, 1, "", "", 1)));
    }

    [Fact]
    public void Excerpt_LongOutput_KeepsTheEnd()
    {
        var text = new string('a', 5000) + "Fatal error";
        var excerpt = ProbeResult.Excerpt(text);
        Assert.EndsWith("Fatal error", excerpt);
        Assert.True(excerpt.Length <= ProbeResult.ExcerptChars + 1);
    }
}
