using System.Text.Json.Serialization;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>What one probe saw on one image. A failing probe is a value, never an exception.</summary>
/// <param name="Failures">Each unmet expectation as "expected X, got Y"; empty when passed.</param>
/// <param name="Stdout">An excerpt of the output (run/exec), or of the response body (http).</param>
public sealed record ProbeResult(
    string Name,
    ProbeKind Kind,
    bool Passed,
    IReadOnlyList<string> Failures,
    long? ExitCode,
    int? Status,
    string? ContentType,
    string Stdout,
    string Stderr,
    double Seconds)
{
    public const int ExcerptChars = 2000;

    /// <summary>The probe ran out of time (its own timeout or the run's budget): the CLI exits
    /// 6 rather than 3 for it. Not in report.json; the failure text says it.</summary>
    [JsonIgnore]
    public bool TimedOut { get; init; }

    /// <summary>Keeps the last <see cref="ExcerptChars"/> characters: errors come at the end.</summary>
    public static string Excerpt(string text) =>
        text.Length <= ExcerptChars ? text : "…" + text[^ExcerptChars..];

    /// <summary>The probe could not run at all (container gone, connection refused, timeout).</summary>
    public static ProbeResult Broken(Probe probe, string why, double seconds, string stdout = "", string stderr = "") =>
        new(probe.Name, probe.Kind, false, [why], null, null, null, Excerpt(stdout), Excerpt(stderr), seconds);

    /// <summary>The probe did not finish within its timeout.</summary>
    public static ProbeResult Late(Probe probe, string why, double seconds, string stdout = "", string stderr = "") =>
        Broken(probe, why, seconds, stdout, stderr) with { TimedOut = true };
}
