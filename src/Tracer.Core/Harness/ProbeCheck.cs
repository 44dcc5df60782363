using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>Compares what a probe saw with what its spec expects.</summary>
public static class ProbeCheck
{
    public static ProbeResult Command(Probe probe, long exitCode, string stdout, string stderr, double seconds)
    {
        var failures = new List<string>();
        var expect = probe.Expect;
        if (expect.ExitCode is { } code && code != exitCode)
        {
            failures.Add($"exit code {exitCode}, expected {code}");
        }
        Contains(failures, "stdout", stdout, expect.StdoutContains);
        Contains(failures, "stderr", stderr, expect.StderrContains);
        return new ProbeResult(probe.Name, probe.Kind, failures.Count == 0, failures, exitCode, null, null,
            ProbeResult.Excerpt(stdout), ProbeResult.Excerpt(stderr), seconds);
    }

    /// <summary><paramref name="body"/> is matched against bodyContains whatever its media type;
    /// <paramref name="shown"/> (default: the body) is what the report keeps of it.</summary>
    public static ProbeResult Http(Probe probe, int status, string? contentType, string body, double seconds,
        string? shown = null)
    {
        var failures = new List<string>();
        var expect = probe.Expect;
        if (expect.Status is { } wanted && wanted != status)
        {
            failures.Add($"status {status}, expected {wanted}");
        }
        var media = contentType?.Split(';')[0].Trim();
        if (expect.ContentType is { } type && !string.Equals(media, type, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"content type '{media}', expected '{type}'");
        }
        Contains(failures, "body", body, expect.BodyContains);
        return new ProbeResult(probe.Name, probe.Kind, failures.Count == 0, failures, null, status, media,
            ProbeResult.Excerpt(shown ?? body), "", seconds);
    }

    /// <summary>True when the minimal image's result matches the original's on every checked point.</summary>
    public static bool Same(ProbeResult original, ProbeResult minimal) =>
        minimal.Passed == original.Passed
        && minimal.ExitCode == original.ExitCode
        && minimal.Status == original.Status;

    private static void Contains(List<string> failures, string stream, string text, string? wanted)
    {
        if (wanted is not null && !text.Contains(wanted, StringComparison.Ordinal))
        {
            failures.Add($"{stream} does not contain '{wanted}'");
        }
    }
}
