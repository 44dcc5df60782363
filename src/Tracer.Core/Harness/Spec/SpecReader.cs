using Tracer.Synthesis;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace Tracer.Harness.Spec;

/// <summary>
/// Reads a function spec (YAML, format in the README). The YAML is loaded into a node tree and
/// checked by hand, node by node, so each error carries the offending node's line and column.
/// </summary>
public static class SpecReader
{
    internal static readonly string[] TopKeys =
        ["image", "command", "env", "user", "workdir", "network", "mounts", "probes", "readiness",
         "include", "exclude"];
    private static readonly string[] MountKeys = ["source", "target", "readOnly"];
    private static readonly string[] ReadinessKeys = ["port", "probe", "timeoutSeconds"];
    private static readonly string[] Networks = ["host", "bridge", "none"];

    /// <summary>Reads and validates the spec at <paramref name="path"/>.</summary>
    public static FunctionSpec Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new TracerException("function spec not found", path,
                "pass the path of a function.yaml (see the README, 'tracer slim')");
        }
        using var reader = new StreamReader(full);
        return Parse(reader, path, Path.GetDirectoryName(full)!) with { SourcePath = full };
    }

    /// <summary>Parses spec text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static FunctionSpec Parse(TextReader text, string displayPath, string baseDirectory)
    {
        var nodes = new SpecNodes(displayPath, baseDirectory);
        var stream = new YamlStream();
        var content = text.ReadToEnd();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split(':')[^1].Trim();
            throw new SpecException(displayPath, (int)e.Start.Line, (int)e.Start.Column,
                "not valid YAML", reason, null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, with no position, on some malformed flow
            // collections (an unclosed '{' with more lines after it).
            throw UnreadableYaml(displayPath, content);
        }
        if (stream.Documents.Count == 0 || SpecNodes.IsNull(stream.Documents[0].RootNode))
        {
            throw new SpecException(displayPath, 1, 1, "the spec is empty", null,
                "It needs at least 'image' and 'probes'");
        }
        if (stream.Documents.Count > 1)
        {
            throw nodes.Error(stream.Documents[1].RootNode, "a spec file holds one YAML document", null,
                "Remove the second document (after '---') or put it in a file of its own");
        }
        var root = stream.Documents[0].RootNode;
        var keys = nodes.Keys(root, "the spec", TopKeys);
        var probes = ProbeReader.ReadAll(nodes,
            nodes.Required(keys, root, "probes", "the spec", "Add at least one probe (run, exec or http)"));
        var spec = new FunctionSpec
        {
            SourcePath = Path.GetFullPath(displayPath, baseDirectory),
            Image = nodes.NonEmptyString(
                nodes.Required(keys, root, "image", "the spec", "Name the function's image, e.g. image: app:latest"),
                "image"),
            Command = Map(keys, "command", n => nodes.StringList(n, "command")),
            Env = Map(keys, "env", n => nodes.StringMap(n, "env")) ?? [],
            User = Map(keys, "user", n => nodes.NonEmptyString(n, "user")),
            Workdir = Map(keys, "workdir", n => nodes.AbsoluteContainerPath(n, "workdir")),
            Network = Map(keys, "network", n => Network(nodes, n)),
            Mounts = Map(keys, "mounts", n => Mounts(nodes, n)) ?? [],
            Probes = probes,
            Readiness = Map(keys, "readiness", n => ReadReadiness(nodes, n, probes)),
            Include = Map(keys, "include", n => Globs(nodes, n, "include")) ?? [],
            Exclude = Map(keys, "exclude", n => Globs(nodes, n, "exclude")) ?? [],
        };
        if (spec.Network == "none" && spec.Probes.FirstOrDefault(static p => p.Kind == ProbeKind.Http) is { } http)
        {
            throw nodes.Error(keys["network"].Value, "http probes need a network", http.Name,
                "Use network: host or bridge");
        }
        if (spec.Readiness is { Port: { } port } && spec.Network == "none")
        {
            throw nodes.Error(keys["network"].Value, "a readiness port needs a network",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Use network: host or bridge, or readiness: {probe: <exec probe>}");
        }
        if (spec.Readiness is not null && !spec.ServiceProbes.Any())
        {
            throw nodes.Error(keys["readiness"].Value, "readiness without an exec or http probe", null,
                "A readiness check waits for a service before its exec and http probes; run probes wait for the "
                + "command to end. Remove readiness or add such a probe");
        }
        return spec;
    }

    /// <summary>Scans the text again to say where reading failed: at the innermost '{' or '['
    /// still open, else at the last token read.</summary>
    private static SpecException UnreadableYaml(string displayPath, string content)
    {
        var open = new Stack<(Mark Start, char Bracket)>();
        var last = Mark.Empty;
        var scanner = new Scanner(new StringReader(content));
        try
        {
            while (scanner.MoveNext())
            {
                var token = scanner.Current!;
                last = token.Start;
                if (token is FlowMappingStart or FlowSequenceStart)
                {
                    open.Push((token.Start, token is FlowMappingStart ? '{' : '['));
                }
                else if (token is FlowMappingEnd or FlowSequenceEnd && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or YamlException)
        {
            // The same failure: what was scanned until here is what there is to report.
        }
        if (open.TryPeek(out var innermost))
        {
            return new SpecException(displayPath, (int)innermost.Start.Line, (int)innermost.Start.Column,
                "not valid YAML", $"unclosed {innermost.Bracket}",
                $"Close it with '{(innermost.Bracket == '{' ? '}' : ']')}', or write the block form");
        }
        return new SpecException(displayPath, (int)last.Line, (int)last.Column, "not valid YAML",
            "the YAML reader stopped here", null);
    }

    private static T? Map<T>(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key,
        Func<YamlNode, T> read) where T : class =>
        SpecNodes.Optional(keys, key) is { } node ? read(node) : null;

    private static string Network(SpecNodes nodes, YamlNode node)
    {
        var value = nodes.String(node, "network");
        return Networks.Contains(value) ? value
            : throw nodes.Error(node, "unknown network", value, "Use host, bridge or none");
    }

    private static IReadOnlyList<MountSpec> Mounts(SpecNodes nodes, YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            throw nodes.Error(node, "'mounts' must be a list", null, "Write - {source: ./x, target: /x}");
        }
        return list.Children.Select(item =>
        {
            var keys = nodes.Keys(item, "a mount", MountKeys);
            return new MountSpec(
                nodes.ExistingPath(nodes.Required(keys, item, "source", "a mount", "Name a host path"),
                    "source", directoryAllowed: true),
                nodes.AbsoluteContainerPath(
                    nodes.Required(keys, item, "target", "a mount", "Name the path in the container"), "target"),
                SpecNodes.Optional(keys, "readOnly") is { } ro && nodes.Bool(ro, "readOnly"));
        }).ToList();
    }

    private static Readiness ReadReadiness(SpecNodes nodes, YamlNode node, IReadOnlyList<Probe> probes)
    {
        var keys = nodes.Keys(node, "readiness", ReadinessKeys);
        var port = SpecNodes.Optional(keys, "port") is { } p ? nodes.Int(p, "port", 1, 65535) : (int?)null;
        string? probe = null;
        if (SpecNodes.Optional(keys, "probe") is { } probeNode)
        {
            probe = nodes.NonEmptyString(probeNode, "probe");
            var target = probes.FirstOrDefault(x => x.Name == probe);
            if (target is null || target.Kind == ProbeKind.Run)
            {
                var known = probes.Where(static x => x.Kind != ProbeKind.Run).Select(static x => x.Name).ToList();
                throw nodes.Error(probeNode, "readiness probe must name an exec or http probe", probe,
                    known.Count > 0 ? "Known: " + string.Join(", ", known) : "The spec has no exec or http probe");
            }
        }
        if ((port is null) == (probe is null))
        {
            throw nodes.Error(node, "readiness needs exactly one of 'port' or 'probe'", null, null);
        }
        var timeout = SpecNodes.Optional(keys, "timeoutSeconds") is { } t
            ? nodes.Seconds(t, "timeoutSeconds") : Spec.Readiness.DefaultTimeout;
        return new Readiness(port, probe, timeout);
    }

    private static IReadOnlyList<string> Globs(SpecNodes nodes, YamlNode node, string key)
    {
        var globs = nodes.StringList(node, key, allowEmpty: true);
        var sequence = (YamlSequenceNode)node;
        for (var i = 0; i < globs.Count; i++)
        {
            if (Glob.Problem(globs[i]) is { } problem)
            {
                throw nodes.Error(sequence.Children[i], $"'{key}' {problem}", globs[i], Glob.ProblemHint);
            }
        }
        return globs;
    }
}
