namespace Tracer.Harness.Spec;

/// <summary>When a service is ready for probes: a port accepts connections, or a probe passes.</summary>
/// <param name="Port">Container port that must accept a TCP connection on 127.0.0.1.</param>
/// <param name="ProbeName">A probe (exec or http) that must pass; it is retried until then.</param>
public sealed record Readiness(int? Port, string? ProbeName, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
