using Tracer.Tracing;

namespace Tracer.Tests.Tracing;

public sealed class TraceFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_ThenRead_RoundTripsRecordsAndFacts()
    {
        var set = new AccessSet();
        set.Add("/usr/bin/python3", AccessKind.Exec, 10, "gate");
        set.Add("/usr/lib/python3.11/os.py", AccessKind.Stat, 11, "python3");
        set.Add("/usr/bin/python3", AccessKind.Open, 11, "python3");
        set.Add("/nope", AccessKind.Missing, 11, "python3");
        var facts = new TraceFacts { Image = "img:1", ImageId = "sha256:ab", Backend = "both", ExitCode = 0 };

        TraceFile.Write(_dir, new TraceDocument(facts, set));
        var read = TraceFile.Read(Path.Combine(_dir, TraceFile.TraceFileName));

        Assert.Equal("sha256:ab", read.Facts.ImageId);
        Assert.True(read.Accesses.TryGet("/usr/bin/python3", out var python));
        Assert.Equal(AccessKind.Exec | AccessKind.Open, python.Kinds);
        Assert.Equal(10, python.FirstPid);
        Assert.Equal(2, python.Count);
        var allow = File.ReadAllLines(Path.Combine(_dir, TraceFile.AllowlistFileName));
        Assert.Equal(["/usr/bin/python3", "/usr/lib/python3.11/os.py"], allow);
    }

    [Fact]
    public void Write_SameSetTwice_GivesIdenticalBytes()
    {
        var a = new AccessSet();
        a.Add("/b", AccessKind.Open, 1, "x");
        a.Add("/a", AccessKind.Stat, 1, "x");
        TraceFile.Write(_dir, new TraceDocument(new TraceFacts(), a));
        var first = File.ReadAllBytes(Path.Combine(_dir, TraceFile.TraceFileName));
        TraceFile.Write(_dir, new TraceDocument(new TraceFacts(), a));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_dir, TraceFile.TraceFileName)));
    }

    [Fact]
    public void Read_UnknownKind_ThrowsNamingTheFile()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, """{"version":1,"accesses":[{"path":"/x","kinds":["zap"]}]}""");
        var e = Assert.Throws<TraceFormatException>(() => TraceFile.Read(file));
        Assert.Equal(file, e.File);
        Assert.Contains("zap", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"open\"")]
    [InlineData("[1]")]
    public void Read_KindsNotAListOfNames_ThrowsNamingThePath(string kinds)
    {
        var file = Path.Combine(_dir, "bad-kinds.json");
        File.WriteAllText(file, $$"""{"version":1,"accesses":[{"path":"/x","kinds":{{kinds}}}]}""");
        var e = Assert.Throws<TraceFormatException>(() => TraceFile.Read(file));
        Assert.Contains("'/x'", e.Message, StringComparison.Ordinal);
    }
}
