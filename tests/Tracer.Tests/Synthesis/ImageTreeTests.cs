namespace Tracer.Tests.Synthesis;

public sealed class ImageTreeTests
{
    private static TestTree UsrMerged() => new TestTree()
        .Dir("/usr").Dir("/usr/bin").Dir("/usr/lib").Dir("/usr/lib/x86_64-linux-gnu")
        .Link("/bin", "usr/bin").Link("/lib", "usr/lib").Link("/lib64", "usr/lib64")
        .Dir("/usr/lib64").Link("/usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
        .File("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
        .File("/usr/bin/python3.11").Link("/usr/bin/python3", "python3.11");

    [Fact]
    public void Resolve_FileSymlinkChainThroughDirectoryLinks_ReturnsRealPathAndEveryLink()
    {
        var links = new List<string>();
        var real = UsrMerged().Tree.Resolve("/lib64/ld-linux-x86-64.so.2", true, links);
        Assert.Equal("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", real);
        Assert.Equal(["/lib64", "/usr/lib64/ld-linux-x86-64.so.2", "/lib"], links);
    }

    [Fact]
    public void Resolve_RelativeLinkWithDotDot_WalksFromTheRealDirectory()
    {
        var tree = UsrMerged().Dir("/opt").Link("/opt/py", "../bin/python3");
        // /opt/../bin is /bin, a link to usr/bin.
        Assert.Equal("/usr/bin/python3.11", tree.Tree.Resolve("/opt/py", true));
    }

    [Fact]
    public void Resolve_NoFollowFinal_StopsAtTheLink()
    {
        Assert.Equal("/usr/bin/python3", UsrMerged().Tree.Resolve("/bin/python3", false));
    }

    [Fact]
    public void Resolve_SymlinkLoop_ReturnsNullInsteadOfHanging()
    {
        var tree = new TestTree().Link("/a", "b").Link("/b", "a");
        Assert.Null(tree.Tree.Resolve("/a", true));
    }

    [Fact]
    public void Resolve_FileUsedAsDirectory_ReturnsNull()
    {
        Assert.Null(UsrMerged().Tree.Resolve("/usr/bin/python3.11/x", true));
    }

    [Fact]
    public void RemoveChildren_OpaqueWhiteout_KeepsEntriesOfTheSameLayer()
    {
        var tree = new TestTree().Dir("/d").File("/d/old");
        tree.Tree.Set(tree.Tree.Get("/d/old")! with { Path = "/d/new", Layer = 1 });
        tree.Tree.RemoveChildren("/d", beforeLayer: 1);
        Assert.Null(tree.Tree.Get("/d/old"));
        Assert.NotNull(tree.Tree.Get("/d/new"));
    }
}
