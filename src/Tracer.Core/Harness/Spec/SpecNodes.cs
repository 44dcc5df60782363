using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tracer.Harness.Spec;

/// <summary>
/// Typed reads of YAML nodes for one spec file. Every failure is a <see cref="SpecException"/>
/// carrying the node's own line and column, so the user lands on the exact spot.
/// </summary>
internal sealed class SpecNodes(string displayPath, string baseDirectory)
{
    public string DisplayPath { get; } = displayPath;

    public SpecException Error(YamlNode node, string problem, string? value, string? hint) =>
        new(DisplayPath, (int)node.Start.Line, (int)node.Start.Column, problem, value, hint);

    /// <summary>The keys of a mapping; an unknown or non-scalar key is an error naming the allowed ones.</summary>
    public Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Keys(YamlNode node, string what,
        IReadOnlyCollection<string> allowed)
    {
        var map = Mapping(node, what);
        var keys = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                throw Error(key, $"{what} keys must be plain names", null, null);
            }
            if (!allowed.Contains(name))
            {
                throw Error(key, $"unknown key in {what}", name,
                    "Expected one of: " + string.Join(", ", allowed));
            }
            keys[name] = (scalar, value);
        }
        return keys;
    }

    public YamlMappingNode Mapping(YamlNode node, string what) => node as YamlMappingNode
        ?? throw Error(node, $"{what} must be a mapping (key: value)", Shape(node), null);

    public YamlNode Required(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys,
        YamlNode owner, string key, string what, string hint) =>
        keys.TryGetValue(key, out var entry) && !IsNull(entry.Value)
            ? entry.Value
            : throw Error(owner, $"missing required key in {what}", key, hint);

    public static YamlNode? Optional(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key) =>
        keys.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public string String(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } value } ? value
            : throw Error(node, $"'{key}' must be a string", Shape(node), null);

    public string NonEmptyString(YamlNode node, string key)
    {
        var value = String(node, key);
        return value.Length > 0 ? value : throw Error(node, $"'{key}' must not be empty", value, null);
    }

    public int Int(YamlNode node, string key, int min, int max)
    {
        if (node is not YamlScalarNode { Value: { } text }
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"'{key}' must be a whole number", Shape(node), null);
        }
        return value >= min && value <= max ? value
            : throw Error(node, $"'{key}' must be between {min} and {max}", text, null);
    }

    public bool Bool(YamlNode node, string key)
    {
        var text = node is YamlScalarNode { Value: { } v } ? v : Shape(node);
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : throw Error(node, $"'{key}' must be true or false", text, null);
    }

    public TimeSpan Seconds(YamlNode node, string key) =>
        TimeSpan.FromSeconds(Int(node, key, 1, 86_400));

    public IReadOnlyList<string> StringList(YamlNode node, string key, bool allowEmpty = false)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"'{key}' must be a list of strings", Shape(node),
                $"Write it as [a, b] or one '- item' a line");
        }
        if (!allowEmpty && sequence.Children.Count == 0)
        {
            throw Error(node, $"'{key}' must not be empty", "[]", null);
        }
        return sequence.Children.Select(item => String(item, key)).ToList();
    }

    /// <summary>A mapping of names to scalars, in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(YamlNode node, string key)
    {
        var map = Mapping(node, $"'{key}'");
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in map.Children)
        {
            var name = NonEmptyString(k, key);
            list.Add(new(name, IsNull(v) ? "" : String(v, $"{key}.{name}")));
        }
        return list;
    }

    /// <summary>An existing host path, given relative to the spec's folder (or absolute).</summary>
    public string ExistingPath(YamlNode node, string key, bool directoryAllowed)
    {
        var given = NonEmptyString(node, key);
        var full = Path.GetFullPath(given, baseDirectory);
        var exists = File.Exists(full) || (directoryAllowed && Directory.Exists(full));
        return exists ? full
            : throw Error(node, $"file not found for '{key}'", given,
                $"Paths are relative to the spec's folder ({baseDirectory})");
    }

    public string AbsoluteContainerPath(YamlNode node, string key)
    {
        var value = NonEmptyString(node, key);
        return value.StartsWith('/') ? value
            : throw Error(node, $"'{key}' must be an absolute path in the container", value, null);
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => s.Value ?? "",
        _ => node.NodeType.ToString(),
    };
}
