using System.Text;
using Tracer.Tracing;
using Tracer.Tracing.Strace;
using static Tracer.Tests.Tracing.Strace.StraceLogFixture;

namespace Tracer.Tests.Tracing.Strace;

public sealed class StraceParserLineTests
{
    [Fact]
    public void Parse_StderrWithPidPrefixAndT_ResolvesCwdFromAnnotations()
    {
        var (set, parser) = Parse("stderr-pid.log");

        Assert.True(set.TryGet("/tmp/st/work/sub/data.txt", out var data));
        Assert.Equal(AccessKind.Open, data.Kinds);
        Assert.Equal("cat", data.FirstProgram);
        Assert.True(set.Kinds("/usr/lib/x86_64-linux-gnu/libc.so.6").HasFlag(AccessKind.Open));
        Assert.Equal(0, parser.Stats.Malformed);
    }

    [Fact]
    public void Parse_GateHandshakeBeforeExec_IsNotCounted()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink, new StraceParserOptions { GatePid = 100, InitialCwd = "/" });
        Feed(parser, """
            100 openat(AT_FDCWD, "/.tracer/release", O_RDONLY) = 3
            100 read(3, "g", 1) = 1
            100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x1) = 101
            101 openat(AT_FDCWD, "/etc/gate-only", O_RDONLY) = 4
            101 execve("/usr/local/bin/app", ["app"], 0x1 /* 3 vars */) = -1 ENOENT (No such file or directory)
            101 execve("/usr/bin/app", ["app"], 0x1 /* 3 vars */) = 0
            101 openat(AT_FDCWD, "etc/app.conf", O_RDONLY) = 3
            100 wait4(-1,  <unfinished ...>
            101 +++ exited with 0 +++
            100 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101
            """);
        var set = sink.ToAccessSet();

        Assert.Equal(
            ["/etc/app.conf", "/usr/bin/app", "/usr/local/bin/app"],
            set.Sorted().Select(r => r.Path));
        Assert.Equal(AccessKind.Missing, set.Kinds("/usr/local/bin/app"));
        Assert.True(set.TryGet("/etc/app.conf", out var conf));
        Assert.Equal("app", conf.FirstProgram);
    }

    [Fact]
    public void Parse_Mknod_FifoIsCreatedAndExistingNodeIsStat()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink);
        Feed(parser, """
            7 mknodat(AT_FDCWD, "/tmp/clr-debug-pipe-7-in", S_IFIFO|0600) = 0
            7 mknod("/tmp/node", S_IFIFO|0600) = -1 EEXIST (File exists)
            """);
        var set = sink.ToAccessSet();
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/clr-debug-pipe-7-in"));
        Assert.Equal(AccessKind.Stat, set.Kinds("/tmp/node"));
    }

    [Fact]
    public void Parse_OCreat_IsCreateOnlyWithEvidenceTheFileWasMade()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink);
        Feed(parser, """
            7 openat(AT_FDCWD, "/var/log/app.log", O_WRONLY|O_CREAT|O_APPEND, 0666) = 3
            7 newfstatat(AT_FDCWD, "/tmp/cache.db", 0x1, 0) = -1 ENOENT (No such file or directory)
            7 openat(AT_FDCWD, "/tmp/cache.db", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 4
            7 openat(AT_FDCWD, "/tmp/lock", O_RDWR|O_CREAT|O_EXCL, 0644) = 5
            7 newfstatat(AT_FDCWD, "/tmp/lock", {st_mode=S_IFREG|0644, st_size=0, ...}, 0) = 0
            """);
        var set = sink.ToAccessSet();

        Assert.Equal(AccessKind.Open, set.Kinds("/var/log/app.log"));
        Assert.Equal(AccessKind.Missing | AccessKind.Create, set.Kinds("/tmp/cache.db"));
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/lock"));
        Assert.Equal(["/tmp", "/var/log/app.log"], set.AllowedPaths());
    }

    [Fact]
    public void Parse_OCreatThenRenamedOrUnlinked_SourceIsCreated()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink);
        // pytest's rename-into-place of a .pyc, a temp file unlinked after use, and a rename of
        // an image file the function never wrote.
        Feed(parser, """
            7 openat(AT_FDCWD, "/app/__pycache__/c.pyc.7", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 3
            7 rename("/app/__pycache__/c.pyc.7", "/app/__pycache__/c.pyc") = 0
            7 openat(AT_FDCWD, "/tmp/scratch", O_RDWR|O_CREAT|O_CLOEXEC, 0600) = 4
            7 unlink("/tmp/scratch") = 0
            7 rename("/etc/app.conf", "/etc/app.conf.bak") = 0
            7 openat(AT_FDCWD, "/app/tests/__pycache__/t.pyc.8", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = -1 EACCES (Permission denied)
            """);
        var set = TraceMerge.MarkCreated(sink.ToAccessSet(), parser.CreatedPaths);

        Assert.Equal(AccessKind.Create, set.Kinds("/app/__pycache__/c.pyc.7"));
        Assert.Equal(AccessKind.Create, set.Kinds("/app/__pycache__/c.pyc"));
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/scratch"));
        Assert.Equal(AccessKind.Stat, set.Kinds("/etc/app.conf"));
        Assert.False(set.TryGet("/app/tests/__pycache__/t.pyc.8", out _));
        Assert.Equal(["/app/__pycache__", "/app/tests/__pycache__", "/etc", "/etc/app.conf", "/tmp"], set.AllowedPaths());
    }

    [Fact]
    public void Parse_ExecOfTool_IsUsedByTheProgramThatRanIt()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink, new StraceParserOptions { InitialCwd = "/" });
        Feed(parser, """
            7 execve("/app/etl.sh", ["/app/etl.sh"], 0x1 /* 3 vars */) = 0
            7 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x1) = 8
            8 execve("/usr/bin/base64", ["base64"], 0x1 /* 3 vars */) = 0
            8 openat(AT_FDCWD, "/etc/b64.conf", O_RDONLY) = 3
            """);
        var set = sink.ToAccessSet();

        Assert.True(set.TryGet("/app/etl.sh", out var script));
        Assert.Equal("etl.sh", script.FirstProgram);
        Assert.True(set.TryGet("/usr/bin/base64", out var tool));
        Assert.Equal("etl.sh", tool.FirstProgram);
        Assert.True(set.TryGet("/etc/b64.conf", out var conf));
        Assert.Equal("base64", conf.FirstProgram);
    }

    [Fact]
    public void Parse_TruncatedString_IsCountedNotRecorded()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink);
        Feed(parser, """
            7 openat(AT_FDCWD, "/usr/lib/pyth"..., O_RDONLY) = 3
            """);

        Assert.Equal(0, sink.Count);
        Assert.Equal(1, parser.Stats.Truncated);
    }

    [Fact]
    public void Parse_HexEscapesFromXx_DecodesBytes()
    {
        var sink = new AccessAccumulator();
        var parser = new StraceParser(sink);
        Feed(parser, """
            7 openat(AT_FDCWD, "\x2f\x65\x74\x63\x2f\xc3\xbc", O_RDONLY) = 3
            """);

        Assert.Equal(AccessKind.Open, sink.ToAccessSet().Kinds("/etc/ü"));
    }

    private static void Feed(StraceParser parser, string text) =>
        StraceLineReader.Lines(Encoding.UTF8.GetBytes(text + "\n"), parser);
}
