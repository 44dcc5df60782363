using System.Formats.Tar;
using System.Text.Json.Nodes;
using Tracer.Synthesis;
using Tracer.Synthesis.Output;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

public sealed class OutputTests
{
    private static ClosureContext Closed() => new TestTree()
        .Dir("/usr").Dir("/usr/bin").File("/usr/bin/perl", "perl", 0b111_101_101)
        .HardLink("/usr/bin/perl5.36", "/usr/bin/perl")
        .Dir("/app", 0b010_111_111_000, 1000, 1000)
        .File("/app/" + new string('n', 120) + "/" + new string('m', 150), "long")
        .File("/app/" + new string('n', 120) + "/" + new string('s', 90), "split")
        .WithParents()
        .Close(TestTree.Accesses(("/usr/bin/perl", AccessKind.Exec), ("/usr/bin/perl5.36", AccessKind.Exec),
            ("/app/" + new string('n', 120) + "/" + new string('m', 150), AccessKind.Open),
            ("/app/" + new string('n', 120) + "/" + new string('s', 90), AccessKind.Open)));

    [Fact]
    public void LayerWriter_SameClosureTwice_GivesIdenticalBytes()
    {
        var first = new MemoryStream();
        var second = new MemoryStream();
        LayerWriter.Write(Closed(), first);
        LayerWriter.Write(Closed(), second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void LayerWriter_HardLinkedNames_OneFileThenALink()
    {
        var entries = Entries(Closed());
        var perl = entries.Single(static e => e.Name == "usr/bin/perl");
        var link = entries.Single(static e => e.Name == "usr/bin/perl5.36");
        Assert.Equal(TarEntryType.RegularFile, perl.EntryType);
        Assert.Equal(TarEntryType.HardLink, link.EntryType);
        Assert.Equal("usr/bin/perl", link.LinkName);
    }

    [Fact]
    public void LayerWriter_Entries_SortedWithModesOwnersAndSourceTimes()
    {
        var entries = Entries(Closed());
        Assert.Equal(entries.Select(static e => e.Name).Order(StringComparer.Ordinal), entries.Select(static e => e.Name));
        var app = entries.Single(static e => e.Name == "app/");
        Assert.Equal((UnixFileMode)0b010_111_111_000, app.Mode);
        Assert.Equal((1000, 1000), (app.Uid, app.Gid));
        Assert.All(entries, static e => Assert.Equal(TestTree.Time, e.ModificationTime));
        Assert.Contains(entries, static e => e.Name.EndsWith(new string('m', 150), StringComparison.Ordinal)
            && e.Format == TarEntryFormat.Gnu);
        Assert.Contains(entries, static e => e.Name.EndsWith(new string('s', 90), StringComparison.Ordinal)
            && e.Format == TarEntryFormat.Ustar);
        Assert.Equal("tmp/", entries.Single(static e => e.Mode == (UnixFileMode)0b1_111_111_111).Name);
    }

    [Fact]
    public void ImageConfig_CarriesRuntimeSettingsAndAddsTracerLabels()
    {
        var source = JsonNode.Parse("""
            {"architecture":"amd64","os":"linux","created":"2024-01-02T03:04:05Z",
             "config":{"Entrypoint":["/app/run"],"Cmd":["--x"],"Env":["A=1"],"WorkingDir":"/app","User":"app",
              "ExposedPorts":{"8080/tcp":{}},"Labels":{"z":"1","a":"2"},"StopSignal":"SIGINT",
              "Healthcheck":{"Test":["CMD","/app/health"],"Interval":30000000000,"Retries":3},
              "Shell":["/bin/bash","-c"],"Hostname":"abc"},
             "rootfs":{"type":"layers","diff_ids":["sha256:1","sha256:2"]}}
            """)!.AsObject();
        var bytes = ImageConfigBuilder.Build(source, "sha256:src", "sha256:layer");
        var config = JsonNode.Parse(bytes)!.AsObject();
        var c = config["config"]!;
        Assert.Equal("/app/run", c["Entrypoint"]![0]!.GetValue<string>());
        Assert.Equal("SIGINT", c["StopSignal"]!.GetValue<string>());
        Assert.Equal("sha256:src", c["Labels"]!["io.tracer.source-image"]!.GetValue<string>());
        Assert.Null(c["Hostname"]);
        Assert.Equal("2024-01-02T03:04:05Z", config["created"]!.GetValue<string>());
        Assert.Equal("sha256:layer", config["rootfs"]!["diff_ids"]![0]!.GetValue<string>());
        Assert.Equal(bytes, ImageConfigBuilder.Build(source, "sha256:src", "sha256:layer"));

        var dockerfile = DockerfileWriter.Write(config, "sha256:src");
        Assert.Contains("FROM scratch\nADD rootfs.tar /\nSHELL [\"/bin/bash\",\"-c\"]\n", dockerfile,
            StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/app/run\"]\nCMD [\"--x\"]\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK --interval=30s --retries=3 CMD [\"/app/health\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENV A=\"1\"\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER app\n", dockerfile, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080/tcp\n", dockerfile, StringComparison.Ordinal);
    }

    private static List<TarEntry> Entries(ClosureContext context)
    {
        var stream = new MemoryStream();
        LayerWriter.Write(context, stream);
        stream.Position = 0;
        var reader = new TarReader(stream);
        var list = new List<TarEntry>();
        while (reader.GetNextEntry() is { } e)
        {
            list.Add(e);
        }
        return list;
    }
}
