using Tracer.Tracing;
using Tracer.Tracing.Strace;

namespace Tracer.Tests.Tracing.Strace;

/// <summary>Parses one of the real strace logs captured on this machine (StraceLogs/).</summary>
internal static class StraceLogFixture
{
    public static string Path(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Tracing", "StraceLogs", name);

    public static (AccessSet Set, StraceParser Parser) Parse(string name, StraceParserOptions? options = null)
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink, options);
        StraceLog.Read(Path(name), parser);
        return (sink.ToAccessSet(), parser);
    }

    public static AccessKind Kinds(this AccessSet set, string path) =>
        set.TryGet(path, out var r) ? r.Kinds : AccessKind.None;
}
