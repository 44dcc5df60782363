using BenchmarkDotNet.Attributes;
using Tracer.Synthesis;
using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Benchmarks;

/// <summary>
/// The closure over a 100k-entry synthetic tree shaped like a Debian image (usrmerge links,
/// deep package directories, versioned library links), with a 5k-path trace, no ELF content.
/// </summary>
[MemoryDiagnoser]
public class ClosureBenchmark
{
    private const int Packages = 1000;
    private const int FilesPerPackage = 97;
    private ImageTree _tree = null!;
    private AccessSet _accesses = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new TextStore();
        _tree = new ImageTree(store);
        long inode = 0;
        void Dir(string p) => _tree.Set(new TreeEntry { Path = p, Type = TreeEntryType.Directory, Mode = 0b111_101_101 });
        void Link(string p, string t) => _tree.Set(new TreeEntry { Path = p, Type = TreeEntryType.Symlink, LinkTarget = t });
        Dir("/");
        Dir("/usr");
        Dir("/usr/lib");
        Dir("/usr/share");
        Link("/lib", "usr/lib");
        _accesses = new AccessSet();
        for (var p = 0; p < Packages; p++)
        {
            var dir = $"/usr/lib/pkg{p:D4}";
            Dir(dir);
            Dir(dir + "/sub");
            for (var f = 0; f < FilesPerPackage; f++)
            {
                var file = $"{dir}/sub/file{f:D3}.py";
                _tree.Set(new TreeEntry { Path = file, Type = TreeEntryType.File, Size = 1, Inode = ++inode, ContentOffset = 0 });
                if (f % 20 == 0)
                {
                    // Traced through the /lib link, as strace reports names.
                    _accesses.Add("/lib" + file["/usr/lib".Length..], AccessKind.Open, 1, "bench");
                }
            }
            Link($"{dir}/current", "sub/file000.py");
        }
    }

    [Benchmark]
    public int Closure() => Tracer.Synthesis.Closure.Run(new ClosureInput { Tree = _tree, Accesses = _accesses }).Kept.Count;

    /// <summary>Every file reads as a few bytes of text: no ELF, no shebang.</summary>
    private sealed class TextStore : IContentStore
    {
        private static readonly byte[] Content = "x = 1\n"u8.ToArray();

        public Stream Open(TreeEntry entry) => new MemoryStream(Content, writable: false);
    }
}
