using Tracer.Tracing;
using Tracer.Tracing.Strace;
using static Tracer.Tests.Tracing.Strace.StraceLogFixture;

namespace Tracer.Tests.Tracing.Strace;

/// <summary>The parser on real strace output captured on this machine (see StraceLogs/README.md).</summary>
public sealed class StraceParserLogTests
{
    [Fact]
    public void Parse_PythonImportsWithY_RecordsSymlinkNameTargetLandmarkAndSources()
    {
        var (set, parser) = Parse("py-y.log");

        Assert.True(set.Kinds("/usr/bin/python3").HasFlag(AccessKind.Exec));
        Assert.Equal(AccessKind.Stat, set.Kinds("/usr/lib/python3.11/os.py") & AccessKind.Stat);
        Assert.True(set.Kinds("/usr/lib/python3.11/json/__init__.py").HasFlag(AccessKind.Stat));
        Assert.True(set.Kinds("/usr/lib/python3.11/json/__pycache__/__init__.cpython-311.pyc")
            .HasFlag(AccessKind.Open));
        // The name used and, from the -y annotation, the symlink's target.
        Assert.True(set.Kinds("/lib/x86_64-linux-gnu/libz.so.1").HasFlag(AccessKind.Open));
        Assert.True(set.Kinds("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13").HasFlag(AccessKind.Open));
        Assert.Equal(AccessKind.Missing, set.Kinds("/usr/pyvenv.cfg"));
        Assert.Equal(AccessKind.Readlink, set.Kinds("/usr/bin/python3") & AccessKind.Readlink);
        // readlink → EINVAL: exists, no symlink.
        Assert.True(set.Kinds("/usr/bin/python3.11").HasFlag(AccessKind.Stat));
        Assert.Equal(0, parser.Stats.Malformed);
        Assert.Equal(0, parser.Stats.Unresolved);
    }

    [Fact]
    public void Parse_ShellLoopWithCdWithoutY_ResolvesRelativePathsThroughChdirAndVfork()
    {
        var (set, parser) = Parse("sh-cd.log", new StraceParserOptions { InitialCwd = "/tmp/st" });

        Assert.True(set.TryGet("/tmp/st/work/sub/data.txt", out var data));
        Assert.True(data.Kinds.HasFlag(AccessKind.Open));
        Assert.Equal("cat", data.FirstProgram);
        Assert.Equal(2, data.Count);
        Assert.True(set.Kinds("/tmp/st/work/sub").HasFlag(AccessKind.Dir));
        // mkdir, O_CREAT, rename target and symlink are the function's own files.
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/st/work/newdir"));
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/st/work/newdir/f"));
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/st/work/newdir/g") & ~AccessKind.Missing);
        Assert.Equal(AccessKind.Create, set.Kinds("/tmp/st/work/sub/link") & ~AccessKind.Missing);
        Assert.True(set.Kinds("/tmp/st/work").HasFlag(AccessKind.Dir));
        Assert.DoesNotContain("/tmp/st/work/newdir/g", set.AllowedPaths());
        Assert.Equal(0, parser.Stats.Malformed);
    }

    [Fact]
    public void Parse_ThreadsWithUnfinishedResumed_PairsEveryCall()
    {
        var (set, parser) = Parse("threads.log");

        Assert.True(set.TryGet("/etc/passwd", out var passwd));
        Assert.Equal(AccessKind.Stat, passwd.Kinds);
        Assert.Equal(800, passwd.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(AccessKind.Missing, set.Kinds($"/nope/{i}"));
        }
        Assert.True(set.Kinds("/etc/hostname").HasFlag(AccessKind.Open));
        Assert.Equal(0, parser.Stats.Malformed);
    }

    [Fact]
    public void Parse_FailingLookups_RecordsMissingNotAllowed()
    {
        var (set, _) = Parse("fail.log");

        Assert.Equal(AccessKind.Missing, set.Kinds("/nonexistent/file"));
        Assert.Equal(AccessKind.Missing, set.Kinds("/etc/shadow/x"));
        Assert.Equal(AccessKind.Stat, set.Kinds("/etc/passwd"));
        Assert.DoesNotContain("/nonexistent/file", set.AllowedPaths());
    }

    [Fact]
    public void Parse_ShebangScriptWithTtt_RecordsScriptAndInterpreter()
    {
        var options = new StraceParserOptions
        {
            InitialCwd = "/tmp/st",
            ShebangInterpreter = p => p == "/tmp/st/work/script.sh" ? "/bin/sh" : null,
        };
        var (set, _) = Parse("script.log", options);

        Assert.True(set.Kinds("/tmp/st/work/script.sh").HasFlag(AccessKind.Exec));
        Assert.True(set.Kinds("/tmp/st/work/script.sh").HasFlag(AccessKind.Open));
        Assert.Equal(AccessKind.Exec, set.Kinds("/bin/sh"));
        Assert.True(set.Kinds("/etc/os-release").HasFlag(AccessKind.Open));
    }

    [Fact]
    public void Parse_PerPidFiles_ReadsEveryFileWithItsPid()
    {
        var (set, _) = Parse("perpid/perpid");

        Assert.True(set.TryGet("/bin/true", out var t));
        Assert.Equal(AccessKind.Exec, t.Kinds);
        Assert.Equal(10270, t.FirstPid);
        Assert.Equal(AccessKind.Open | AccessKind.Dir, set.Kinds("/tmp/st/work") & ~AccessKind.Stat);
    }

    [Fact]
    public void Parse_DirfdTrackedThroughFcntlWithoutY_ResolvesAtCalls()
    {
        var (set, parser) = Parse("find.log", new StraceParserOptions { InitialCwd = "/tmp/st" });

        Assert.True(set.Kinds("/tmp/st/work/newdir").HasFlag(AccessKind.Stat));
        Assert.True(set.Kinds("/tmp/st/work/sub").HasFlag(AccessKind.Dir));
        Assert.Equal(0, parser.Stats.Unresolved);
    }

    [Fact]
    public void Parse_DirfdAnnotatedWithY_ResolvesAtCallsWithoutCwd()
    {
        var (set, parser) = Parse("find-y.log");

        Assert.True(set.Kinds("/tmp/st/work/newdir").HasFlag(AccessKind.Stat));
        Assert.True(set.Kinds("/tmp/st/work/sub").HasFlag(AccessKind.Dir));
        Assert.Equal(0, parser.Stats.Unresolved);
    }

    [Fact]
    public void Parse_EscapedNames_DecodesQuotesTabsOctalUtf8AndNewline()
    {
        var (set, _) = Parse("esc.log");

        Assert.True(set.Kinds("/tmp/st/esc/a\"b").HasFlag(AccessKind.Open));
        Assert.True(set.Kinds("/tmp/st/esc/tab\tx").HasFlag(AccessKind.Open));
        Assert.True(set.Kinds("/tmp/st/esc/ünï").HasFlag(AccessKind.Open));
        Assert.Equal(AccessKind.Missing, set.Kinds("/tmp/st/esc/nl\nx"));
    }

    [Fact]
    public void Parse_ContainerPidNamespace_ChildrenInheritThoughCloneReturnsNamespacePids()
    {
        var (set, parser) = Parse("container-etl.log", new StraceParserOptions { InitialCwd = "/" });

        foreach (var tool in new[] { "mktemp", "base64", "jq", "gzip" })
        {
            Assert.True(set.TryGet($"/usr/bin/{tool}", out var r), tool);
            Assert.True(r.Kinds.HasFlag(AccessKind.Exec), tool);
            Assert.Equal("etl.sh", r.FirstProgram);
        }
        Assert.True(set.Kinds("/app/etl.sh").HasFlag(AccessKind.Exec));
        Assert.Equal(0, parser.Stats.Unresolved);
        Assert.Equal(0, parser.Stats.Malformed);
    }
}
