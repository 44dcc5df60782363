using YamlDotNet.RepresentationModel;

namespace Tracer.Harness.Spec;

/// <summary>Reads the 'probes' list of a spec: each probe has a name and exactly one of run, exec, http.</summary>
internal static class ProbeReader
{
    private static readonly string[] ProbeKeys = ["name", "run", "exec", "http", "expect", "timeoutSeconds"];
    private static readonly string[] RunKeys = ["command"];
    private static readonly string[] HttpKeys =
        ["port", "method", "path", "body", "bodyFile", "contentType", "headers", "timeoutSeconds"];
    private static readonly string[] CommandExpectKeys = ["exitCode", "stdoutContains", "stderrContains"];
    private static readonly string[] HttpExpectKeys = ["status", "contentType", "bodyContains"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static IReadOnlyList<Probe> ReadAll(SpecNodes nodes, YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw nodes.Error(node, "'probes' must be a non-empty list", null,
                "Each item: - name: x, then one of run: {}, exec: [cmd], http: {port: N}");
        }
        var probes = new List<Probe>();
        foreach (var item in list.Children)
        {
            var probe = Read(nodes, item);
            if (probes.Any(p => p.Name == probe.Name))
            {
                throw nodes.Error(item, "duplicate probe name", probe.Name, "Give every probe its own name");
            }
            probes.Add(probe);
        }
        return probes;
    }

    private static Probe Read(SpecNodes nodes, YamlNode item)
    {
        var keys = nodes.Keys(item, "a probe", ProbeKeys);
        var name = nodes.NonEmptyString(nodes.Required(keys, item, "name", "a probe", "Name every probe"), "name");
        var kinds = new[] { "run", "exec", "http" }.Where(keys.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            throw nodes.Error(item, "a probe needs exactly one of run, exec or http", name,
                kinds.Count == 0 ? "Add run: {}, exec: [cmd] or http: {port: N}" : "Found " + string.Join(", ", kinds));
        }
        var kind = kinds[0] switch { "run" => ProbeKind.Run, "exec" => ProbeKind.Exec, _ => ProbeKind.Http };
        var body = keys[kinds[0]].Value;
        (HttpRequestSpec Request, TimeSpan? Timeout)? http = kind == ProbeKind.Http ? Http(nodes, body) : null;
        var timeout = SpecNodes.Optional(keys, "timeoutSeconds") is { } t
            ? nodes.Seconds(t, "timeoutSeconds")
            : http?.Timeout ?? Probe.DefaultTimeout;
        return new Probe
        {
            Name = name,
            Kind = kind,
            RunCommand = kind == ProbeKind.Run ? RunCommand(nodes, body) : null,
            Exec = kind == ProbeKind.Exec ? nodes.StringList(body, "exec") : null,
            Http = http?.Request,
            Expect = Expect(nodes, keys, kind),
            Timeout = timeout,
        };
    }

    private static IReadOnlyList<string>? RunCommand(SpecNodes nodes, YamlNode body)
    {
        if (SpecNodes.IsNull(body))
        {
            return null;
        }
        var keys = nodes.Keys(body, "run", RunKeys);
        return SpecNodes.Optional(keys, "command") is { } c ? nodes.StringList(c, "command") : null;
    }

    private static (HttpRequestSpec Request, TimeSpan? Timeout) Http(SpecNodes nodes, YamlNode body)
    {
        var keys = nodes.Keys(body, "http", HttpKeys);
        var port = nodes.Int(nodes.Required(keys, body, "port", "http", "Give the container port, e.g. port: 8080"),
            "port", 1, 65535);
        var method = "GET";
        if (SpecNodes.Optional(keys, "method") is { } m)
        {
            method = nodes.String(m, "method").ToUpperInvariant();
            if (!Methods.Contains(method))
            {
                throw nodes.Error(m, "unknown HTTP method", method, "Use one of " + string.Join(", ", Methods));
            }
        }
        var path = SpecNodes.Optional(keys, "path") is { } p ? nodes.String(p, "path") : "/";
        if (!path.StartsWith('/'))
        {
            throw nodes.Error(keys["path"].Value, "'path' must start with /", path, null);
        }
        var bodyFile = SpecNodes.Optional(keys, "bodyFile") is { } f
            ? nodes.ExistingPath(f, "bodyFile", directoryAllowed: false) : null;
        var text = SpecNodes.Optional(keys, "body") is { } b ? nodes.String(b, "body") : null;
        if (bodyFile is not null && text is not null)
        {
            throw nodes.Error(keys["body"].Key, "give either 'body' or 'bodyFile', not both", null, null);
        }
        var request = new HttpRequestSpec(port, method, path, bodyFile, text,
            SpecNodes.Optional(keys, "contentType") is { } ct ? nodes.NonEmptyString(ct, "contentType") : null,
            SpecNodes.Optional(keys, "headers") is { } h ? nodes.StringMap(h, "headers") : []);
        var timeout = SpecNodes.Optional(keys, "timeoutSeconds") is { } t
            ? nodes.Seconds(t, "timeoutSeconds") : (TimeSpan?)null;
        return (request, timeout);
    }

    private static ProbeExpectation Expect(SpecNodes nodes,
        Dictionary<string, (YamlScalarNode Key, YamlNode Value)> probeKeys, ProbeKind kind)
    {
        var isHttp = kind == ProbeKind.Http;
        var defaults = isHttp ? new ProbeExpectation { Status = 200 } : new ProbeExpectation { ExitCode = 0 };
        if (SpecNodes.Optional(probeKeys, "expect") is not { } node)
        {
            return defaults;
        }
        var allowed = isHttp ? HttpExpectKeys : CommandExpectKeys;
        var keys = nodes.Keys(node, isHttp ? "expect (http probe)" : "expect (run or exec probe)", allowed);
        string? Text(string key) => SpecNodes.Optional(keys, key) is { } n ? nodes.String(n, key) : null;
        return new ProbeExpectation
        {
            ExitCode = SpecNodes.Optional(keys, "exitCode") is { } e ? nodes.Int(e, "exitCode", 0, 255)
                : defaults.ExitCode,
            StdoutContains = Text("stdoutContains"),
            StderrContains = Text("stderrContains"),
            Status = SpecNodes.Optional(keys, "status") is { } s ? nodes.Int(s, "status", 100, 599)
                : defaults.Status,
            ContentType = Text("contentType"),
            BodyContains = Text("bodyContains"),
        };
    }
}
