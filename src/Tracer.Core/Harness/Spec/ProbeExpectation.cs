namespace Tracer.Harness.Spec;

/// <summary>What a probe must see. Unset fields are not checked.</summary>
public sealed record ProbeExpectation
{
    /// <summary>run and exec: the exit code (0 when the spec says nothing).</summary>
    public int? ExitCode { get; init; }
    public string? StdoutContains { get; init; }
    public string? StderrContains { get; init; }
    /// <summary>http: the status code (200 when the spec says nothing).</summary>
    public int? Status { get; init; }
    /// <summary>http: the media type of the response (parameters such as charset ignored).</summary>
    public string? ContentType { get; init; }
    public string? BodyContains { get; init; }
}
