using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracer.Reporting;

/// <summary>Serialises <see cref="SlimReport"/> as report.json (camelCase; enums as camelCase strings).</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SlimReport report) => JsonSerializer.Serialize(report, Options) + "\n";
}
