namespace Tracer.Reporting;

/// <summary>Writes report.json and report.md into the output folder.</summary>
public static class ReportWriter
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";

    public static void Write(string directory, SlimReport report)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, JsonName), ReportJson.Serialize(report));
        File.WriteAllText(Path.Combine(directory, MarkdownName), ReportMarkdown.Render(report));
    }
}
