using System.Text;
using Tracer.Synthesis.Rules;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

public sealed class ClosureRuleTests
{
    private static TestTree Image() => new TestTree()
        .Dir("/usr").Dir("/usr/bin").Dir("/usr/lib").Dir("/etc").Dir("/tmp", 0b111_111_111)
        .Link("/bin", "usr/bin").File("/usr/bin/python3.11").Link("/usr/bin/python3", "python3.11")
        .File("/etc/hosts").File("/etc/resolv.conf").File("/etc/os-release")
        .Dir("/proc").Dir("/data").File("/data/big").Dir("/app", 0b010_111_101_000, 1000, 1000);

    [Fact]
    public void Traced_NameThroughLinks_KeepsEveryLinkAsLinkAndTheTarget()
    {
        var kept = Image().Close(TestTree.Accesses(("/bin/python3", AccessKind.Exec))).Kept;
        Assert.Equal(SymlinkRule.RuleName, kept["/bin"]);
        Assert.Equal(TracedRule.RuleName, kept["/usr/bin/python3.11"]);
        Assert.True(kept.ContainsKey("/usr/bin/python3"));
        // /usr/bin is the target of the /bin link, so the symlink rule keeps it first.
        Assert.Equal(SymlinkRule.RuleName, kept["/usr/bin"]);
        Assert.Equal(ParentRule.RuleName, kept["/usr"]);
    }

    [Fact]
    public void Traced_StatOnlyAndDirectory_AreKeptWithoutTheirContents()
    {
        var kept = Image().Close(TestTree.Accesses(("/etc/os-release", AccessKind.Stat), ("/usr", AccessKind.Dir))).Kept;
        Assert.Contains("/etc/os-release", kept.Keys);
        Assert.DoesNotContain("/usr/bin/python3.11", kept.Keys);
    }

    [Fact]
    public void Traced_RuntimeFilesAndBindMounts_AreNeverKept()
    {
        var context = Image().Close(TestTree.Accesses(
            ("/etc/hosts", AccessKind.Open), ("/etc/resolv.conf", AccessKind.Open),
            ("/proc/self/maps", AccessKind.Open), ("/data/big", AccessKind.Open),
            ("/.tracer/tracer-gate", AccessKind.Exec)), binds: ["/data"]);
        Assert.DoesNotContain(context.Kept.Keys, static p => p.StartsWith("/etc/h", StringComparison.Ordinal)
            || p.StartsWith("/etc/r", StringComparison.Ordinal) || p.StartsWith("/proc", StringComparison.Ordinal)
            || p.StartsWith("/data", StringComparison.Ordinal) || p.StartsWith("/.tracer", StringComparison.Ordinal));
        Assert.Empty(context.Missing);
    }

    [Fact]
    public void Traced_PathMissingFromImage_IsListedNotFatal()
    {
        var context = Image().Close(TestTree.Accesses(("/usr/bin/gone", AccessKind.Open), ("/", AccessKind.Dir)));
        Assert.Equal(["/usr/bin/gone"], context.Missing);
    }

    [Fact]
    public void Created_FileNotInImage_IsNotCopiedButItsDirectoryIs()
    {
        var context = Image().Close(TestTree.Accesses(
            ("/app/cache/out.json", AccessKind.Create | AccessKind.Open), ("/app/cache", AccessKind.Create)));
        Assert.Equal(CreatedDirectoryRule.RuleName, context.Kept["/app"]);
        Assert.DoesNotContain("/app/cache/out.json", context.Kept.Keys);
        Assert.Empty(context.Missing);
    }

    [Fact]
    public void Created_OpenedFileTheImageLacks_KeepsItsDirectoryAndIsListed()
    {
        // A shell's "> /app/cache.txt": an O_CREAT open of a path never seen missing, traced as
        // an open; the image lacks the file, so the run made it there.
        var context = Image().Dir("/app/cache", uid: 1000, gid: 1000)
            .Close(TestTree.Accesses(("/app/cache/cache.txt", AccessKind.Open)));
        Assert.Equal(CreatedDirectoryRule.RuleName, context.Kept["/app/cache"]);
        Assert.DoesNotContain("/app/cache/cache.txt", context.Kept.Keys);
        Assert.Equal(["/app/cache/cache.txt"], context.Missing);
    }

    [Fact]
    public void Tmp_Always1777_EvenWhenTheImageLacksIt()
    {
        var tree = new TestTree().Dir("/etc").File("/etc/os-release");
        var context = tree.Close(TestTree.Accesses(("/etc/os-release", AccessKind.Open)));
        Assert.Equal(TmpRule.TmpMode, context.EntryFor("/tmp")!.Mode);
        Assert.Equal(TmpRule.TmpMode, Image().Close(new AccessSet()).EntryFor("/tmp")!.Mode);
    }

    [Fact]
    public void Parent_KeepsOriginalModeOwnerOfAncestors()
    {
        var context = Image().File("/app/main.py", "print()", uid: 1000, gid: 1000)
            .Close(TestTree.Accesses(("/app/main.py", AccessKind.Open)));
        var app = context.EntryFor("/app")!;
        Assert.Equal((0b010_111_101_000, 1000, 1000), (app.Mode, app.Uid, app.Gid));
    }

    [Fact]
    public void Globs_IncludeAddsAndExcludeWinsOverTrace()
    {
        var context = Image().File("/usr/lib/a.py").File("/usr/lib/b.txt").Close(
            TestTree.Accesses(("/etc/os-release", AccessKind.Open)),
            includes: ["/usr/lib/**"], excludes: ["/etc/**", "**/*.txt"]);
        Assert.Equal(IncludeRule.RuleName, context.Kept["/usr/lib/a.py"]);
        Assert.DoesNotContain("/usr/lib/b.txt", context.Kept.Keys);
        Assert.DoesNotContain("/etc/os-release", context.Kept.Keys);
        Assert.StartsWith("exclude", context.Excluded["/etc/os-release"], StringComparison.Ordinal);
    }

    [Fact]
    public void User_ByName_KeepsOnlyRootAndThatUsersLines()
    {
        var tree = Image()
            .File("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1::/:/bin/false\napp:x:1000:1000::/app:/bin/false\n")
            .File("/etc/group", "root:x:0:\ndaemon:x:1:\napp:x:1000:\nother:x:2000:\n");
        var context = tree.Close(new AccessSet(), user: "app");
        Assert.Equal(UserRule.RuleName, context.Kept["/etc/passwd"]);
        Assert.Equal("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n",
            Encoding.UTF8.GetString(context.Synthetic["/etc/passwd"].Data));
        Assert.Equal("root:x:0:\napp:x:1000:\n", Encoding.UTF8.GetString(context.Synthetic["/etc/group"].Data));
    }

    [Fact]
    public void User_RootByName_KeepsRootsLinesForTheRuntimeLookup()
    {
        var tree = Image()
            .File("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n")
            .File("/etc/group", "root:x:0:\napp:x:1000:\n");
        var context = tree.Close(new AccessSet(), user: "root");
        Assert.Equal("root:x:0:0:root:/root:/bin/sh\n", Encoding.UTF8.GetString(context.Synthetic["/etc/passwd"].Data));
        Assert.Equal("root:x:0:\n", Encoding.UTF8.GetString(context.Synthetic["/etc/group"].Data));
        Assert.False(tree.Close(new AccessSet(), user: "0").Kept.ContainsKey("/etc/passwd"));
    }

    [Fact]
    public void User_SupplementaryGroupsAndSpecUser_AreKept()
    {
        var tree = Image()
            .File("/etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n"
                + "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\nother:x:1001:1001::/:/bin/false\n")
            .File("/etc/group", "root:x:0:\napp:x:1000:\nshared:x:1500:other,app\nnogroup:x:65534:\n"
                + "other:x:1001:\nstaff:x:50:other\n");
        var context = tree.Close(new AccessSet(), user: "app", runAs: ["nobody"]);
        Assert.Equal("root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n"
            + "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n",
            Encoding.UTF8.GetString(context.Synthetic["/etc/passwd"].Data));
        Assert.Equal("root:x:0:\napp:x:1000:\nshared:x:1500:other,app\nnogroup:x:65534:\n",
            Encoding.UTF8.GetString(context.Synthetic["/etc/group"].Data));
    }

    [Fact]
    public void User_PasswdReadByTheFunction_StaysWhole()
    {
        var tree = Image().File("/etc/passwd", "root:x:0:0::/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n")
            .File("/etc/group", "root:x:0:\napp:x:1000:\n");
        var context = tree.Close(TestTree.Accesses(("/etc/passwd", AccessKind.Open)), user: "1000:1000");
        Assert.Equal(TracedRule.RuleName, context.Kept["/etc/passwd"]);
        Assert.False(context.Synthetic.ContainsKey("/etc/passwd"));
    }

    [Fact]
    public void PackageMetadata_OnlyPackagesOwningKeptFiles_GetTrimmedRecords()
    {
        var tree = Image().Dir("/var").Dir("/var/lib").Dir("/var/lib/dpkg").Dir("/var/lib/dpkg/info")
            .File("/usr/bin/jq")
            .File("/var/lib/dpkg/info/python3.11-minimal.list", "/.\n/usr\n/usr/bin\n/bin/python3.11\n")
            .File("/var/lib/dpkg/info/jq:amd64.list", "/usr\n/usr/bin\n/usr/bin/jq\n")
            .File("/var/lib/dpkg/status",
                "Package: python3.11-minimal\nStatus: install ok installed\nVersion: 3.11.2-6\n"
                + "Architecture: amd64\nDepends: libc6\nConffiles:\n /etc/x abc\nDescription: Python\n long text\n\n"
                + "Package: jq\nStatus: install ok installed\nVersion: 1.6\n");
        var context = tree.Close(TestTree.Accesses(("/usr/bin/python3", AccessKind.Exec)));
        Assert.Equal(["python3.11-minimal"], context.Packages);
        Assert.Equal("Package: python3.11-minimal\nStatus: install ok installed\nArchitecture: amd64\n"
            + "Version: 3.11.2-6\nDescription: Python\n",
            Encoding.UTF8.GetString(context.Synthetic["/var/lib/dpkg/status.d/python3.11-minimal"].Data));
        Assert.DoesNotContain("/var/lib/dpkg/status", context.Kept.Keys);
        Assert.DoesNotContain("/var/lib/dpkg/info", context.Kept.Keys);
        Assert.Equal(ParentRule.RuleName, context.Kept["/var/lib/dpkg"]);
    }

    [Fact]
    public void Symlink_LoopInTrace_DoesNotHang()
    {
        var context = Image().Link("/usr/bin/a", "b").Link("/usr/bin/b", "a")
            .Close(TestTree.Accesses(("/usr/bin/a", AccessKind.Open)));
        Assert.Contains("/usr/bin/a", context.Kept.Keys);
    }

    [Fact]
    public void Shebang_ExecutableScript_KeepsItsInterpreterThroughLinks()
    {
        var context = Image().Link("/usr/bin/sh", "python3").File("/app/run", "#!/bin/sh -e\necho\n", 0b111_101_101)
            .Close(TestTree.Accesses(("/app/run", AccessKind.Exec)));
        Assert.Equal(ShebangRule.RuleName, context.Kept["/usr/bin/python3.11"]);
        Assert.Contains("/usr/bin/sh", context.Kept.Keys);
        Assert.Equal(SymlinkRule.RuleName, context.Kept["/bin"]);
    }
}
