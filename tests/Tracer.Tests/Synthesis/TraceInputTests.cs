using Tracer.Synthesis;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

public sealed class TraceInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-synth-test").FullName;

    [Fact]
    public void CheckImage_TraceOfAnotherImage_RefusedUnlessForced()
    {
        TraceFile.Write(_dir, new TraceDocument(new TraceFacts { ImageId = "sha256:aaaa" }, new AccessSet()));
        var input = TraceInput.Read([_dir]);
        var e = Assert.Throws<TracerException>(() => input.CheckImage("sha256:bbbb", force: false));
        Assert.Equal(ErrorCategory.Usage, e.Category);
        Assert.EndsWith("trace.json", e.Value, StringComparison.Ordinal);
        input.CheckImage("sha256:bbbb", force: true);
        input.CheckImage("aaaa", force: false);
    }

    [Fact]
    public void Read_MalformedTrace_NamesTheFile()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "{not json");
        var e = Assert.Throws<TraceFormatException>(() => TraceInput.Read([file]));
        Assert.Equal(file, e.Value);
    }

    [Fact]
    public void Read_TwoTraces_Merge()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        TraceFile.Write(a, new TraceDocument(new TraceFacts(), Set("/x")));
        TraceFile.Write(b, new TraceDocument(new TraceFacts { BindMounts = ["/data"] }, Set("/y")));
        var input = TraceInput.Read([a, b]);
        Assert.Equal(2, input.Accesses.Count);
        Assert.Equal(["/data"], input.BindMounts);
    }

    [Fact]
    public void ParseTag_Forms_SplitAtTheLastColonAfterTheLastSlash()
    {
        Assert.Equal(("fn", "min"), Synthesizer.ParseTag("fn:min"));
        Assert.Equal(("localhost:5000/fn", "latest"), Synthesizer.ParseTag("localhost:5000/fn"));
        Assert.Equal(("registry.example:5000/team/fn", "v1.2_rc-1"), Synthesizer.ParseTag("registry.example:5000/team/fn:v1.2_rc-1"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag("Bad:Tag"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag("bad:Tag!"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag("fn:"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag("-fn:x"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag("sha256:abc"));
        Assert.Throws<TracerException>(() => Synthesizer.ParseTag(new string('a', 64)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AccessSet Set(string path)
    {
        var set = new AccessSet();
        set.Add(path, AccessKind.Open, 1, null);
        return set;
    }
}
