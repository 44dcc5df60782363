using Tracer.Tracing;
using Tracer.Tracing.Ebpf;
using static Tracer.Tests.Tracing.Ebpf.EbpfRecords;

namespace Tracer.Tests.Tracing.Ebpf;

public sealed class EbpfDecoderTests
{
    private const int Gate = 100;
    private const uint ODirectory = 0x10000;
    private const uint OCreat = 0x40;

    [Fact]
    public void Apply_GateBeforeExec_CountsOnlyFailedExecs()
    {
        var (decoder, sink) = New();

        Feed(decoder, Syscall(EbpfOp.Open, Gate, 3, "/.tracer/release"),
            Syscall(EbpfOp.Exec, Gate, -2, "/usr/local/bin/python3"));

        Assert.Equal(["/usr/local/bin/python3 Missing"], sink.Lines);
    }

    [Fact]
    public void Apply_RelativePaths_ResolveAgainstWorkdirChdirAndDirectoryFds()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/usr/bin/python3", ""),
            Syscall(EbpfOp.Stat, Gate, 0, "main.py"),
            Syscall(EbpfOp.Chdir, Gate, 0, "../lib"),
            Syscall(EbpfOp.Stat, Gate, -2, "x/../y"),
            Syscall(EbpfOp.Open, Gate, 5, "/usr/lib/python3.11", flags: ODirectory),
            Syscall(EbpfOp.Stat, Gate, 0, "os.py", dirfd: 5));

        Assert.Equal([
            "/usr/bin/python3 Exec", "/app/main.py Stat", "/lib Dir", "/lib/y Missing",
            "/usr/lib/python3.11 Open, Dir", "/usr/lib/python3.11/os.py Stat",
        ], sink.Lines);
    }

    [Fact]
    public void Apply_JoinedExecProcess_ResolvesAgainstItsOwnCwdAndCounts()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/usr/bin/python3"),
            Join(300, "/srv/www"),
            Exec(300, "/usr/bin/python3"),
            Syscall(EbpfOp.Stat, 300, 0, "data.json"));

        Assert.Equal(["/usr/bin/python3 Exec", "/usr/bin/python3 Exec", "/srv/www/data.json Stat"], sink.Lines);
    }

    [Fact]
    public void Apply_ForkWithoutCloneFs_KeepsParentCwdAfterChildChdir()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/bin/sh"),
            Fork(101, Gate, share: 0),
            Syscall(EbpfOp.Chdir, 101, 0, "/tmp"),
            Fork(102, Gate, share: 1),
            Syscall(EbpfOp.Stat, 102, 0, "a"),
            Syscall(EbpfOp.Stat, 101, 0, "b"));

        Assert.Contains("/app/a Stat", sink.Lines);
        Assert.Contains("/tmp/b Stat", sink.Lines);
    }

    [Fact]
    public void Apply_ExecOfScriptAndSymlinkOpen_RecordsInterpreterAndTarget()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/app/run.sh", "/bin/sh"),
            Syscall(EbpfOp.Open, Gate, 3, "/lib/x86_64-linux-gnu/libz.so.1",
                path2: "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));

        Assert.Equal([
            "/app/run.sh Exec", "/bin/sh Exec", "/lib/x86_64-linux-gnu/libz.so.1 Open",
            "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13 Open",
        ], sink.Lines);
    }

    [Fact]
    public void Apply_FileSeenMissingThenCreated_StaysCreatedAndKeepsItsDirectory()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/bin/sh"),
            Syscall(EbpfOp.Stat, Gate, -2, "/tmp/out.json"),
            Syscall(EbpfOp.Open, Gate, 3, "/tmp/out.json", flags: OCreat, path2: "/tmp/out.json"),
            Syscall(EbpfOp.Open, Gate, 4, "/tmp/out.json", path2: "/tmp/out.json"),
            Syscall(EbpfOp.Rename, Gate, 0, "/tmp/out.json", path2: "/tmp/final.json"));

        Assert.Equal(["/bin/sh Exec", "/tmp/out.json Missing", "/tmp/out.json Create", "/tmp Dir", "/tmp/out.json Create",
            "/tmp/final.json Create", "/tmp Dir"], sink.Lines);
        Assert.Equal(["/tmp/final.json", "/tmp/out.json"], decoder.CreatedPaths.Order());
    }

    [Fact]
    public void Apply_AccessRefusedAndReadlinkOfFile_MeanTheFileExists()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/bin/sh"),
            Syscall(EbpfOp.Open, Gate, -13, "/etc/shadow"),
            Syscall(EbpfOp.Readlink, Gate, -22, "/etc/passwd"),
            Syscall(EbpfOp.Stat, Gate, -4, "/interrupted"));

        Assert.Equal(["/bin/sh Exec", "/etc/shadow Stat", "/etc/passwd Stat"], sink.Lines);
    }

    [Fact]
    public void Apply_CreatOfFileNeverSeenMissing_IsAnOpenOfAnImageFile()
    {
        var (decoder, sink) = New();

        Feed(decoder, Exec(Gate, "/bin/sh"),
            Syscall(EbpfOp.Open, Gate, 3, "/var/cache/app.db", flags: OCreat, path2: "/var/cache/app.db"));

        Assert.Equal(["/bin/sh Exec", "/var/cache/app.db Open"], sink.Lines);
        Assert.Empty(decoder.CreatedPaths);
    }

    private static (EbpfDecoder, Sink) New()
    {
        var sink = new Sink();
        return (new EbpfDecoder(sink, Gate, "/app"), sink);
    }

    private static void Feed(EbpfDecoder decoder, params byte[][] records)
    {
        foreach (var data in records)
        {
            Assert.True(EbpfRecord.TryRead(data, out var record));
            Assert.Equal(data.Length, EbpfRecord.PeekSize(data));
            decoder.Apply(record);
        }
    }

    private sealed class Sink : IAccessSink
    {
        public List<string> Lines { get; } = [];

        public void OnAccess(in AccessEvent access) => Lines.Add($"{access.Path} {access.Kind}");
    }
}
