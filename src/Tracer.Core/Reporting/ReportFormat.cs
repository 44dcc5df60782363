using System.Globalization;

namespace Tracer.Reporting;

/// <summary>Number and label formatting shared by report.md and the terminal summary.</summary>
public static class ReportFormat
{
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>The change from before to after in percent, e.g. "-88%".</summary>
    public static string Change(long before, long after) => before == 0 ? ""
        : ((after - before) * 100.0 / before).ToString("+0;-0;0", CultureInfo.InvariantCulture) + "%";

    public static string Label(SurfaceCategory category) => category switch
    {
        SurfaceCategory.Shells => "shells",
        SurfaceCategory.PackageManagers => "package managers",
        SurfaceCategory.DownloadTools => "download tools",
        SurfaceCategory.EncodersDecoders => "encoders/decoders",
        SurfaceCategory.CompilersInterpreters => "compilers/interpreters",
        SurfaceCategory.SetIdFiles => "setuid/setgid files",
        _ => category.ToString(),
    };

    public static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string ProbeCell(Harness.ProbeResult? result)
    {
        if (result is null)
        {
            return "not run";
        }
        var what = result.ExitCode is { } code ? $"exit {code}" : result.Status is { } s ? $"HTTP {s}" : "no result";
        return (result.Passed ? "pass" : "FAIL") + $" ({what})";
    }

    public static string UsedBy(KeptTool tool) => tool.UsedByProgram is null && tool.UsedByPid is null ? ""
        : $"{tool.UsedByProgram ?? "?"} (pid {tool.UsedByPid})";
}
