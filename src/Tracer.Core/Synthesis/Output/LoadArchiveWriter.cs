using System.Formats.Tar;
using System.Text.Json.Nodes;

namespace Tracer.Synthesis.Output;

/// <summary>
/// Writes a docker-load archive (the docker-save layout: manifest.json, &lt;id&gt;.json and
/// &lt;diff&gt;/layer.tar). No RepoTags: the image is tagged only after it loaded completely.
/// </summary>
public static class LoadArchiveWriter
{
    public static void Write(Stream output, byte[] config, string imageId, string layerPath,
        string diffId, DateTimeOffset time)
    {
        var configName = Hex(imageId) + ".json";
        var layerName = Hex(diffId) + "/layer.tar";
        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = configName,
            ["RepoTags"] = null,
            ["Layers"] = new JsonArray(layerName),
        });
        using var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        Add(writer, Hex(diffId) + "/", null, time);
        using (var layer = File.OpenRead(layerPath))
        {
            Add(writer, layerName, layer, time);
        }
        Add(writer, configName, new MemoryStream(config), time);
        Add(writer, "manifest.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString())), time);
    }

    private static string Hex(string digest) => digest[(digest.IndexOf(':') + 1)..];

    private static void Add(TarWriter writer, string name, Stream? data, DateTimeOffset time)
    {
        var entry = new UstarTarEntry(data is null ? TarEntryType.Directory : TarEntryType.RegularFile, name)
        {
            ModificationTime = time,
            Mode = data is null ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
        };
        if (data is not null)
        {
            entry.DataStream = data;
        }
        writer.WriteEntry(entry);
    }
}
