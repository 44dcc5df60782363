using Tracer.Reporting;
using Tracer.Tracing;

namespace Tracer.Tests.Reporting;

public sealed class AttackSurfaceAnalysisTests
{
    private static InventoryBuilder Debianish(string name) => new InventoryBuilder(name)
        .Link("/bin", "usr/bin")
        .File("/usr/bin/dash").Link("/usr/bin/sh", "dash").File("/usr/bin/bash")
        .File("/usr/bin/apt-get").File("/usr/bin/dpkg").File("/usr/bin/base64")
        .File("/usr/bin/perl").File("/usr/bin/python3.11").Link("/usr/bin/python3", "python3.11")
        .File("/usr/bin/su", 0x800 | 0x1ED).File("/usr/bin/wall", 0x400 | 0x1ED)
        .File("/usr/share/doc/bash/sh").File("/app/main.py");

    [Theory]
    [InlineData("/usr/bin/bash", SurfaceCategory.Shells)]
    [InlineData("/bin/busybox", SurfaceCategory.Shells)]
    [InlineData("/usr/bin/apt-cache", SurfaceCategory.PackageManagers)]
    [InlineData("/usr/local/bin/pip3.11", SurfaceCategory.PackageManagers)]
    [InlineData("/usr/bin/npm", SurfaceCategory.PackageManagers)]
    [InlineData("/usr/bin/wget", SurfaceCategory.DownloadTools)]
    [InlineData("/usr/bin/curl", SurfaceCategory.DownloadTools)]
    [InlineData("/usr/bin/xxd", SurfaceCategory.EncodersDecoders)]
    [InlineData("/usr/bin/base64", SurfaceCategory.EncodersDecoders)]
    [InlineData("/usr/bin/perl5.36.0", SurfaceCategory.CompilersInterpreters)]
    [InlineData("/usr/bin/gcc-12", SurfaceCategory.CompilersInterpreters)]
    [InlineData("/usr/bin/python3.11", SurfaceCategory.CompilersInterpreters)]
    public void ProgramCategory_KnownName_Classified(string path, SurfaceCategory expected) =>
        Assert.Equal(expected, SurfaceCatalog.ProgramCategory(path));

    [Theory]
    [InlineData("/usr/share/doc/bash/sh")]
    [InlineData("/usr/bin/ls")]
    [InlineData("/usr/bin/shx")]
    [InlineData("/app/curl")]
    public void ProgramCategory_OtherPath_NotClassified(string path) =>
        Assert.Null(SurfaceCatalog.ProgramCategory(path));

    [Fact]
    public void Analyse_NothingKept_EveryCategoryListsItsRemovedPaths()
    {
        var original = Debianish("orig").Build();
        var minimal = new InventoryBuilder("min").File("/app/main.py").Build();
        var surface = AttackSurfaceAnalysis.Analyse(original, minimal, new AccessSet());
        Assert.Equal(["/usr/bin/bash", "/usr/bin/dash", "/usr/bin/sh"], surface.Removed[SurfaceCategory.Shells]);
        Assert.Equal(["/usr/bin/apt-get", "/usr/bin/dpkg"], surface.Removed[SurfaceCategory.PackageManagers]);
        Assert.Equal(["/usr/bin/base64"], surface.Removed[SurfaceCategory.EncodersDecoders]);
        Assert.Equal(["/usr/bin/su", "/usr/bin/wall"], surface.Removed[SurfaceCategory.SetIdFiles]);
        Assert.Empty(surface.Removed[SurfaceCategory.DownloadTools]);
        Assert.Empty(surface.Kept);
    }

    [Fact]
    public void Analyse_ShellRunThroughSymlinkName_KeptBecauseTheFunctionRunsIt()
    {
        var original = Debianish("orig").Build();
        var minimal = new InventoryBuilder("min").Link("/bin", "usr/bin").File("/usr/bin/dash")
            .Link("/usr/bin/sh", "dash").File("/usr/bin/perl").Build();
        var trace = new AccessSet();
        trace.Add("/bin/sh", AccessKind.Exec, 4242, "entrypoint.sh");
        var surface = AttackSurfaceAnalysis.Analyse(original, minimal, trace);
        var dash = Assert.Single(surface.Kept, k => k.Path == "/usr/bin/dash");
        Assert.Equal(AttackSurfaceAnalysis.RunsIt, dash.Reason);
        Assert.Equal((4242, "entrypoint.sh"), (dash.UsedByPid, dash.UsedByProgram));
        Assert.Equal(AttackSurfaceAnalysis.RunsIt, Assert.Single(surface.Kept, k => k.Path == "/usr/bin/sh").Reason);
        var perl = Assert.Single(surface.Kept, k => k.Path == "/usr/bin/perl");
        Assert.Equal(AttackSurfaceAnalysis.ClosureOrInclude, perl.Reason);
        Assert.Null(perl.UsedByPid);
        Assert.Contains("/usr/bin/bash", surface.Removed[SurfaceCategory.Shells]);
    }

    [Fact]
    public void Resolve_DirectoryAndFileSymlinks_FollowedInsideTheTree()
    {
        var tree = Debianish("orig").Build();
        Assert.Equal("/usr/bin/dash", tree.Resolve("/bin/sh"));
        Assert.Equal("/usr/bin/python3.11", tree.Resolve("/bin/python3"));
        Assert.Null(tree.Resolve("/bin/nothing"));
    }
}
