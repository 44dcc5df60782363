using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Tests.Synthesis;

/// <summary>docker-save archives written here: layer order, whiteouts, hard links, gzip layers.</summary>
public sealed class SavedImageTests
{
    [Fact]
    public async Task Spool_TwoLayersWithWhiteouts_AppliesThemInOrder()
    {
        var lower = Layer(w =>
        {
            Dir(w, "a/");
            File(w, "a/x", "x1");
            File(w, "a/y", "y1");
            Dir(w, "c/");
            File(w, "c/old", "old");
            Dir(w, "d/");
            File(w, "d/gone", "gone");
        });
        var upper = Layer(w =>
        {
            File(w, "a/.wh.x", "");
            File(w, "a/y", "y2");
            File(w, "c/.wh..wh..opq", "");
            File(w, "c/new", "new");
            File(w, ".wh.d", "");
            w.WriteEntry(new UstarTarEntry(TarEntryType.HardLink, "a/y-link") { LinkName = "a/y" });
        });
        using var image = await SavedImage.SpoolAsync(Archive(lower, Gzip(upper)), Path.GetTempPath(), CancellationToken.None);
        var tree = image.Tree;
        Assert.Null(tree.Get("/a/x"));
        Assert.Equal("y2", Read(tree, "/a/y"));
        Assert.Equal(tree.Get("/a/y")!.Inode, tree.Get("/a/y-link")!.Inode);
        Assert.Equal("y2", Read(tree, "/a/y-link"));
        Assert.Null(tree.Get("/c/old"));
        Assert.Equal("new", Read(tree, "/c/new"));
        Assert.NotNull(tree.Get("/c"));
        Assert.Null(tree.Get("/d"));
        Assert.Null(tree.Get("/d/gone"));
        Assert.Equal(2, image.LayerCount);
        Assert.Equal("linux", image.Config["os"]!.GetValue<string>());
    }

    private static string Read(ImageTree tree, string path)
    {
        using var stream = tree.Content.Open(tree.Get(path)!);
        return new StreamReader(stream).ReadToEnd();
    }

    internal static byte[] Layer(Action<TarWriter> fill)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            fill(writer);
        }
        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return stream.ToArray();
    }

    internal static MemoryStream Archive(params byte[][] layers) => Archive("""{"os":"linux","config":{}}""", layers);

    internal static MemoryStream Archive(string config, params byte[][] layers)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var names = new List<string>();
            for (var i = 0; i < layers.Length; i++)
            {
                names.Add($"l{i}/layer.tar");
                Bytes(writer, names[^1], layers[i]);
            }
            Bytes(writer, "cfg.json", Encoding.UTF8.GetBytes(config));
            var list = string.Join(',', names.Select(static n => $"\"{n}\""));
            Bytes(writer, "manifest.json", Encoding.UTF8.GetBytes($$"""[{"Config":"cfg.json","Layers":[{{list}}]}]"""));
        }
        stream.Position = 0;
        return stream;
    }

    internal static void Dir(TarWriter w, string name) => w.WriteEntry(new UstarTarEntry(TarEntryType.Directory, name));

    internal static void File(TarWriter w, string name, string text) => Bytes(w, name, Encoding.UTF8.GetBytes(text));

    private static void Bytes(TarWriter w, string name, byte[] data) =>
        w.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
}
