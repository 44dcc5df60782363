namespace Tracer.Harness.Spec;

/// <summary>One test of the function. Exactly one of run, exec or http is set.</summary>
public sealed record Probe
{
    public required string Name { get; init; }
    public required ProbeKind Kind { get; init; }
    /// <summary>run: replaces the container's command for this probe when set.</summary>
    public IReadOnlyList<string>? RunCommand { get; init; }
    /// <summary>exec: the command run in the running container.</summary>
    public IReadOnlyList<string>? Exec { get; init; }
    public HttpRequestSpec? Http { get; init; }
    public required ProbeExpectation Expect { get; init; }
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
}
