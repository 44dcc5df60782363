using Tracer.Tracing;
using static Tracer.Tests.Tracing.Strace.StraceLogFixture;

namespace Tracer.Tests.Tracing;

public sealed class TraceMergeTests
{
    [Fact]
    public void MarkCreated_FileOpenedByFanotifyButCreatedPerStrace_IsNotAllowed()
    {
        var sink = new AccessAccumulator();
        sink.OnAccess(new AccessEvent("/tmp/out.db", AccessKind.Missing, 7, "python3"));
        sink.OnAccess(new AccessEvent("/tmp/out.db", AccessKind.Create, 7, "python3"));
        sink.OnAccess(new AccessEvent("/tmp/out.db", AccessKind.Open, 7, "python3"));
        sink.OnAccess(new AccessEvent("/tmp", AccessKind.Dir, 7, "python3"));

        var set = TraceMerge.MarkCreated(sink.ToAccessSet(), ["/tmp/out.db"]);

        Assert.Equal(["/tmp"], set.AllowedPaths());
        Assert.True(set.TryGet("/tmp/out.db", out var db));
        Assert.Equal(AccessKind.Missing | AccessKind.Create, db.Kinds);
        Assert.Equal(3, db.Count);
    }

    [Fact]
    public void MarkCreated_CreateFromAnySource_WinsOverOpen()
    {
        var sink = new AccessAccumulator();
        // fanotify's "(deleted)" event of a temp file, and strace's O_CREAT open without evidence.
        sink.OnAccess(new AccessEvent("/tmp/#2458056", AccessKind.Create, 7, null, Attributed: false));
        sink.OnAccess(new AccessEvent("/tmp/#2458056", AccessKind.Open, 7, "python3"));

        var set = TraceMerge.MarkCreated(sink.ToAccessSet(), []);

        Assert.Empty(set.AllowedPaths());
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/#2458056"));
    }

    [Fact]
    public void OnAccess_FanotifyFirstThenStrace_StraceProgramWins()
    {
        var sink = new AccessAccumulator();
        sink.OnAccess(new AccessEvent("/usr/bin/base64", AccessKind.Exec, 9, null, Attributed: false));
        sink.OnAccess(new AccessEvent("/usr/bin/base64", AccessKind.Exec, 8, "etl.sh"));
        sink.OnAccess(new AccessEvent("/usr/bin/base64", AccessKind.Open, 10, "other"));

        Assert.True(sink.ToAccessSet().TryGet("/usr/bin/base64", out var r));
        Assert.Equal(("etl.sh", 8), (r.FirstProgram, r.FirstPid));
    }

    [Fact]
    public void Add_KnownProgramAfterUnknown_FillsIt()
    {
        var set = new AccessSet();
        set.Add("/bin/sh", AccessKind.Exec, 5, null);
        set.Add("/bin/sh", AccessKind.Exec, 6, "entrypoint.sh");

        Assert.True(set.TryGet("/bin/sh", out var r));
        Assert.Equal("entrypoint.sh", r.FirstProgram);
    }
}
