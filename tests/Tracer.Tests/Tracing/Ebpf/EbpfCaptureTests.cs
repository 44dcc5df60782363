using Tracer.Tracing;
using Tracer.Tracing.Ebpf;

namespace Tracer.Tests.Tracing.Ebpf;

/// <summary>A real tracer-ebpf capture (EbpfLogs/py-import.bin: python3 importing json, email,
/// sqlite3 … then running ls and cat through os.system, on this machine's host).</summary>
public sealed class EbpfCaptureTests
{
    [Fact]
    public void Decode_PythonImportCapture_GivesLookupsExecsAndSymlinkTargets()
    {
        var capture = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Tracing", "EbpfLogs", "py-import.bin"));
        var sink = new AccessAccumulator();
        var decoder = new EbpfDecoder(sink, rootPid: 0, initialCwd: "/tmp");

        var used = decoder.Decode(capture);

        Assert.Equal(capture.Length, used);
        Assert.True(decoder.Ready);
        Assert.Equal(0, decoder.Dropped);
        Assert.Equal(0, decoder.Unresolved);
        var set = sink.ToAccessSet();
        Assert.True(set.TryGet("/usr/lib/python3.11/json/__init__.py", out var json) && json.Kinds.HasFlag(AccessKind.Stat));
        Assert.True(set.TryGet("/usr/bin/ls", out var ls) && ls.Kinds.HasFlag(AccessKind.Exec));
        Assert.True(set.TryGet("/usr/bin/dash", out var dash) && dash.Kinds.HasFlag(AccessKind.Exec));
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libc.so.6", set.AllowedPaths());
    }
}
