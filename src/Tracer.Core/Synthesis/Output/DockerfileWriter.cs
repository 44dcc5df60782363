using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tracer.Synthesis.Output;

/// <summary>
/// The Dockerfile that rebuilds the minimal image from rootfs.tar in a user's own pipeline:
/// FROM scratch, ADD rootfs.tar /, then the carried-over config as instructions (exec form
/// for ENTRYPOINT and CMD, quoted ENV and LABEL values).
/// </summary>
public static class DockerfileWriter
{
    public const string LayerFileName = "rootfs.tar";

    public static string Write(JsonObject imageConfig, string sourceImageId)
    {
        var c = imageConfig["config"] as JsonObject ?? [];
        var sb = new StringBuilder();
        sb.Append("# Minimal image of ").Append(sourceImageId).Append(", built by tracer ")
            .Append(TracerVersion.Current).Append('\n');
        sb.Append("FROM scratch\n");
        sb.Append("ADD ").Append(LayerFileName).Append(" /\n");
        if (c["Shell"] is JsonArray shell)
        {
            // Set before the rest, so shell-form instructions a user appends run under it too.
            sb.Append("SHELL ").Append(JsonSerializer.Serialize(Strings(shell))).Append('\n');
        }
        foreach (var env in Strings(c["Env"]))
        {
            var eq = env.IndexOf('=');
            var (key, value) = eq < 0 ? (env, "") : (env[..eq], env[(eq + 1)..]);
            sb.Append("ENV ").Append(key).Append('=').Append(Quote(value)).Append('\n');
        }
        foreach (var (key, value) in c["Labels"] as JsonObject ?? [])
        {
            sb.Append("LABEL ").Append(Quote(key)).Append('=').Append(Quote(value?.GetValue<string>() ?? ""))
                .Append('\n');
        }
        foreach (var (port, _) in c["ExposedPorts"] as JsonObject ?? [])
        {
            sb.Append("EXPOSE ").Append(port).Append('\n');
        }
        var volumes = (c["Volumes"] as JsonObject ?? []).Select(static v => v.Key).ToList();
        if (volumes.Count > 0)
        {
            sb.Append("VOLUME ").Append(JsonSerializer.Serialize(volumes)).Append('\n');
        }
        AppendIf(sb, "WORKDIR", c["WorkingDir"]?.GetValue<string>());
        AppendIf(sb, "USER", c["User"]?.GetValue<string>());
        AppendIf(sb, "STOPSIGNAL", c["StopSignal"]?.GetValue<string>());
        if (c["Healthcheck"] is JsonObject health)
        {
            sb.Append(Healthcheck(health)).Append('\n');
        }
        if (c["Entrypoint"] is JsonArray entrypoint)
        {
            sb.Append("ENTRYPOINT ").Append(JsonSerializer.Serialize(Strings(entrypoint))).Append('\n');
        }
        if (c["Cmd"] is JsonArray cmd)
        {
            sb.Append("CMD ").Append(JsonSerializer.Serialize(Strings(cmd))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>HEALTHCHECK [options] CMD …, or NONE. Durations are nanoseconds in the config.</summary>
    private static string Healthcheck(JsonObject health)
    {
        var test = Strings(health["Test"]);
        if (test.Count == 0 || test[0] == "NONE")
        {
            return "HEALTHCHECK NONE";
        }
        var sb = new StringBuilder("HEALTHCHECK");
        foreach (var (field, flag) in new[]
        {
            ("Interval", "interval"), ("Timeout", "timeout"), ("StartPeriod", "start-period"),
            ("StartInterval", "start-interval"),
        })
        {
            if (health[field]?.GetValue<long>() is > 0 and var ns)
            {
                sb.Append(" --").Append(flag).Append('=').Append(Duration(ns));
            }
        }
        if (health["Retries"]?.GetValue<int>() is > 0 and var retries)
        {
            sb.Append(" --retries=").Append(retries);
        }
        sb.Append(" CMD ");
        sb.Append(test[0] == "CMD-SHELL"
            ? string.Join(' ', test.Skip(1))
            : JsonSerializer.Serialize(test.Skip(1).ToList()));
        return sb.ToString();
    }

    /// <summary>A Go duration string (what the Dockerfile parser accepts).</summary>
    private static string Duration(long ns) =>
        ns % 1_000_000_000 == 0 ? (ns / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "s"
        : ns % 1_000_000 == 0 ? (ns / 1_000_000).ToString(CultureInfo.InvariantCulture) + "ms"
        : ns.ToString(CultureInfo.InvariantCulture) + "ns";

    private static void AppendIf(StringBuilder sb, string instruction, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sb.Append(instruction).Append(' ').Append(value).Append('\n');
        }
    }

    /// <summary>Double-quoted with \, " and $ escaped, so the builder neither splits nor expands.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(static n => n?.GetValue<string>() ?? "").ToList();
}
