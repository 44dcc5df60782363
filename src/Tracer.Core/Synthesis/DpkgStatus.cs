using System.Text;

namespace Tracer.Synthesis;

/// <summary>
/// Reads dpkg's status database (deb822 stanzas, deb-control(5)) and writes the trimmed
/// per-package records distroless images keep in /var/lib/dpkg/status.d/, which scanners
/// (Trivy, Grype, Syft) read.
/// </summary>
public static class DpkgStatus
{
    /// <summary>The fields a trimmed record keeps, in dpkg's own order. Description keeps its
    /// synopsis line only; Conffiles, Depends and the like are dropped.</summary>
    public static readonly IReadOnlyList<string> KeptFields =
    [
        "Package", "Status", "Priority", "Section", "Installed-Size", "Maintainer",
        "Architecture", "Multi-Arch", "Source", "Version", "Description",
    ];

    /// <summary>Stanzas by package name (the last one wins for a name seen twice).</summary>
    public static Dictionary<string, List<(string Field, string Value)>> Parse(string text)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var fields = new List<(string Field, string Value)>();
            foreach (var line in block.Split('\n'))
            {
                if (line.Length == 0)
                {
                    continue;
                }
                if (line[0] is ' ' or '\t')
                {
                    if (fields.Count > 0)
                    {
                        var (f, v) = fields[^1];
                        fields[^1] = (f, v + "\n" + line);
                    }
                    continue;
                }
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    fields.Add((line[..colon], line[(colon + 1)..].Trim()));
                }
            }
            var package = fields.FirstOrDefault(static f => f.Field == "Package").Value;
            if (!string.IsNullOrEmpty(package))
            {
                result[package] = fields;
            }
        }
        return result;
    }

    /// <summary>One trimmed record, fields in <see cref="KeptFields"/> order.</summary>
    public static string Trim(IReadOnlyList<(string Field, string Value)> stanza)
    {
        var sb = new StringBuilder();
        foreach (var name in KeptFields)
        {
            foreach (var (field, value) in stanza)
            {
                if (field == name)
                {
                    var single = name == "Description" ? value.Split('\n')[0] : value;
                    sb.Append(field).Append(": ").Append(single).Append('\n');
                }
            }
        }
        return sb.ToString();
    }
}
