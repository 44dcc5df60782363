using Tracer.Tracing;

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
}
