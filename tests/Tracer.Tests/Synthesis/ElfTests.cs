using Tracer.Synthesis.Elf;
using Tracer.Synthesis.Rules;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

/// <summary>ELF closure against real binaries of this (usrmerged Debian) host.</summary>
public sealed class ElfTests
{
    private static readonly string CachePath = Path.Combine(AppContext.BaseDirectory, "Synthesis", "Data", "ld.so.cache");

    [Fact]
    public void LdSoCache_RealFile_MapsLibcToItsMultiarchPath()
    {
        var cache = LdSoCache.Parse(File.ReadAllBytes(CachePath));
        Assert.NotEmpty(cache.Entries);
        Assert.Contains(cache.Lookup("libc.so.6", 0x0300),
            static p => p.EndsWith("/x86_64-linux-gnu/libc.so.6", StringComparison.Ordinal));
    }

    [Fact]
    public void LdSoCache_Garbage_IsEmpty()
    {
        Assert.Empty(LdSoCache.Parse("not a cache"u8).Entries);
    }

    [Fact]
    public void ElfInfo_HostLs_HasInterpreterAndNeeded()
    {
        using var stream = File.OpenRead("/usr/bin/ls");
        var info = ElfInfo.Read(stream)!;
        Assert.Equal("/lib64/ld-linux-x86-64.so.2", info.Interpreter);
        Assert.Contains("libc.so.6", info.Needed);
    }

    [Fact]
    public void ElfInfo_Script_IsNotElf()
    {
        Assert.Null(ElfInfo.Read(new MemoryStream("#!/bin/sh\necho hi\n"u8.ToArray())));
    }

    [Fact]
    public void ElfRule_HostLsInHostLikeTree_KeepsWhatLddFinds()
    {
        var tree = HostLibraryTree().HostFile("/usr/bin/ls", "/usr/bin/ls").WithParents();
        var context = tree.Close(TestTree.Accesses(("/bin/ls", AccessKind.Exec)));
        foreach (var lib in new[] { "libselinux.so.1", "libc.so.6", "libpcre2-8.so.0", "ld-linux-x86-64.so.2" })
        {
            var path = "/usr/lib/x86_64-linux-gnu/" + lib;
            Assert.True(context.Kept.ContainsKey(path), $"{path} not kept");
        }
        Assert.Equal(SymlinkRule.RuleName, context.Kept["/lib64"]);
        Assert.Equal(ElfRule.RuleName, context.Kept["/usr/lib/x86_64-linux-gnu/libc.so.6"]);
        Assert.Empty(context.Warnings);
    }

    [Fact]
    public void LibraryResolver_RunPathWithOrigin_WinsOverTheCache()
    {
        var tree = HostLibraryTree().Dir("/opt").Dir("/opt/app").Dir("/opt/app/lib")
            .HostFile("/opt/app/lib/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6");
        var requester = new ElfInfo(true, ELFSharp.ELF.Machine.AMD64, null, ["libc.so.6"], [], ["$ORIGIN/lib"]);
        var found = new LibraryResolver(tree.Tree, []).Find("libc.so.6", requester, "/opt/app/run");
        Assert.Equal("/opt/app/lib/libc.so.6", found);
    }

    /// <summary>The host's usrmerge links, its ld.so.cache and its multiarch library directory.</summary>
    private static TestTree HostLibraryTree()
    {
        var tree = new TestTree().Dir("/usr").Dir("/usr/bin").Dir("/usr/lib").Dir("/usr/lib64").Dir("/etc")
            .Link("/bin", "usr/bin").Link("/lib", "usr/lib").Link("/lib64", "usr/lib64")
            .HostFile("/etc/ld.so.cache", CachePath).Dir("/usr/lib/x86_64-linux-gnu");
        tree.Link("/usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
        foreach (var file in Directory.EnumerateFileSystemEntries("/usr/lib/x86_64-linux-gnu"))
        {
            var info = new FileInfo(file);
            var path = "/usr/lib/x86_64-linux-gnu/" + info.Name;
            if (info.LinkTarget is { } target)
            {
                tree.Link(path, target);
            }
            else if (!info.Attributes.HasFlag(FileAttributes.Directory))
            {
                tree.HostFile(path, file);
            }
        }
        return tree;
    }
}
