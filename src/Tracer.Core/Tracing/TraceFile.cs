using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tracer.Tracing;

/// <summary>
/// Reads and writes trace.json and allowlist.txt. The writer sorts records and uses a fixed
/// property order, so identical runs give identical files.
/// </summary>
public static class TraceFile
{
    public const string TraceFileName = "trace.json";
    public const string AllowlistFileName = "allowlist.txt";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Writes trace.json and allowlist.txt into <paramref name="directory"/>.</summary>
    public static void Write(string directory, TraceDocument document)
    {
        Directory.CreateDirectory(directory);
        var root = new JsonObject
        {
            ["version"] = FormatVersion,
            ["facts"] = JsonSerializer.SerializeToNode(document.Facts, Options),
            ["accesses"] = new JsonArray(document.Accesses.Sorted().Select(ToNode).ToArray()),
        };
        WriteAtomically(Path.Combine(directory, TraceFileName), root.ToJsonString(Options) + "\n");
        var allow = string.Concat(document.Accesses.AllowedPaths().Select(static p => p + "\n"));
        WriteAtomically(Path.Combine(directory, AllowlistFileName), allow);
    }

    /// <summary>Reads a trace.json; throws <see cref="TraceFormatException"/> naming the problem.</summary>
    public static TraceDocument Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new TraceFormatException(path, $"not valid JSON ({e.Message})");
        }
        if (root is not JsonObject obj || obj["accesses"] is not JsonArray accesses)
        {
            throw new TraceFormatException(path, "no 'accesses' array");
        }
        var version = obj["version"]?.GetValue<int>() ?? 0;
        if (version != FormatVersion)
        {
            throw new TraceFormatException(path, $"format version {version}, expected {FormatVersion}");
        }
        TraceFacts facts;
        try
        {
            facts = obj["facts"]?.Deserialize<TraceFacts>(Options) ?? new TraceFacts();
        }
        catch (JsonException e)
        {
            throw new TraceFormatException(path, $"bad 'facts' ({e.Message})");
        }
        var set = new AccessSet();
        foreach (var node in accesses)
        {
            set.Add(FromNode(path, node));
        }
        return new TraceDocument(facts, set);
    }

    private static JsonNode ToNode(AccessRecord r) => new JsonObject
    {
        ["path"] = r.Path,
        ["kinds"] = new JsonArray(AccessKindNames.ToNames(r.Kinds).Select(n => (JsonNode?)n).ToArray()),
        ["pid"] = r.FirstPid,
        ["program"] = r.FirstProgram,
        ["count"] = r.Count,
    };

    private static AccessRecord FromNode(string file, JsonNode? node)
    {
        if (node is not JsonObject o || o["path"]?.GetValue<string>() is not { } p || !p.StartsWith('/'))
        {
            throw new TraceFormatException(file, "an access without an absolute 'path'");
        }
        if (o["kinds"] is not JsonArray list)
        {
            throw new TraceFormatException(file, $"'kinds' of '{p}' is not a list of kinds");
        }
        var kinds = AccessKind.None;
        foreach (var k in list)
        {
            var name = k is JsonValue v && v.TryGetValue<string>(out var text) ? text : k?.ToJsonString() ?? "null";
            var kind = AccessKindNames.Parse(name);
            if (kind == AccessKind.None)
            {
                throw new TraceFormatException(file, $"unknown kind '{name}' for '{p}'");
            }
            kinds |= kind;
        }
        return new AccessRecord(
            p,
            kinds,
            o["pid"]?.GetValue<int>() ?? 0,
            o["program"]?.GetValue<string>(),
            o["count"]?.GetValue<long>() ?? 1);
    }

    private static void WriteAtomically(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
