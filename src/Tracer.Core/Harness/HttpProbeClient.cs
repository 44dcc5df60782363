using System.Diagnostics;
using System.Net.Http.Headers;
using Tracer.Harness.Spec;

namespace Tracer.Harness;

/// <summary>Sends an http probe's request to 127.0.0.1 (never a container address) and checks the answer.</summary>
public static class HttpProbeClient
{
    private static readonly string[] TextTypes = ["text/", "json", "xml", "javascript", "x-www-form-urlencoded"];

    public static async Task<ProbeResult> RunAsync(Probe probe, int hostPort, CancellationToken ct)
    {
        var http = probe.Http!;
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = probe.Timeout };
        using var request = new HttpRequestMessage(new HttpMethod(http.Method),
            new Uri($"http://127.0.0.1:{hostPort}{http.Path}"));
        foreach (var (name, value) in http.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (http.BodyFile is not null || http.Body is not null)
        {
            request.Content = http.BodyFile is not null
                ? new ByteArrayContent(await File.ReadAllBytesAsync(http.BodyFile, ct).ConfigureAwait(false))
                : new StringContent(http.Body!);
            if (http.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.ContentType);
            }
        }
        try
        {
            using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var type = response.Content.Headers.ContentType?.ToString();
            // bodyContains is matched on the bytes as UTF-8 whatever the type; a binary body is
            // shown in the report as its size only.
            var body = System.Text.Encoding.UTF8.GetString(bytes);
            return ProbeCheck.Http(probe, (int)response.StatusCode, type, body, clock.Elapsed.TotalSeconds,
                IsText(type) ? null : $"<{bytes.Length} bytes of {type}>");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ProbeResult.Late(probe, $"no answer within {probe.Timeout.TotalSeconds:0} s",
                clock.Elapsed.TotalSeconds);
        }
        catch (HttpRequestException e)
        {
            return ProbeResult.Broken(probe, $"request failed: {e.Message}", clock.Elapsed.TotalSeconds);
        }
    }

    private static bool IsText(string? type) =>
        type is null || TextTypes.Any(t => type.Contains(t, StringComparison.OrdinalIgnoreCase));
}
