using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tracer.Docker;

namespace Tracer.Synthesis.Output;

/// <summary>
/// Builds the minimal image's config JSON from the source's (Docker image spec v1.2): the
/// runtime settings carried over verbatim, one layer, a fixed key order and the source's
/// created time, so the same inputs give the same bytes and hence the same image id.
/// </summary>
public static class ImageConfigBuilder
{
    /// <summary>The container settings carried over, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> CarriedFields =
    [
        "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Healthcheck", "Volumes", "WorkingDir",
        "Labels", "StopSignal", "ArgsEscaped", "Shell",
    ];

    public static byte[] Build(JsonObject source, string sourceImageId, string layerDiffId)
    {
        var sourceConfig = source["config"] as JsonObject ?? [];
        var config = new JsonObject();
        foreach (var field in CarriedFields)
        {
            var value = sourceConfig[field];
            if (field == "Labels")
            {
                config[field] = Labels(value as JsonObject, sourceImageId);
            }
            else if (value is not null)
            {
                config[field] = value is JsonObject obj ? Sorted(obj) : value.DeepClone();
            }
        }
        var created = source["created"]?.DeepClone();
        var root = new JsonObject { ["architecture"] = source["architecture"]?.DeepClone() ?? "amd64" };
        if (source["variant"] is { } variant)
        {
            root["variant"] = variant.DeepClone();
        }
        root["config"] = config;
        root["created"] = created;
        root["history"] = new JsonArray(new JsonObject
        {
            ["created"] = created?.DeepClone(),
            ["created_by"] = $"tracer synth {sourceImageId}",
            ["comment"] = "minimal image: the files the traced function used",
        });
        root["os"] = source["os"]?.DeepClone() ?? "linux";
        root["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray(layerDiffId),
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>"sha256:&lt;hex&gt;" of some bytes: the image id of a config, a layer's diff id.</summary>
    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Digest(Stream stream) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));

    private static JsonObject Labels(JsonObject? source, string sourceImageId)
    {
        var labels = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in source ?? [])
        {
            labels[key] = value?.DeepClone();
        }
        labels[DockerLabels.SourceImage] = sourceImageId;
        labels[DockerLabels.Version] = TracerVersion.Current;
        return new JsonObject(labels);
    }

    private static JsonObject Sorted(JsonObject obj) =>
        new(obj.OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
