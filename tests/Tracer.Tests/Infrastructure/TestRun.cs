using Tracer.Docker;

namespace Tracer.Tests.Infrastructure;

/// <summary>
/// This test process's id, put on everything it creates as <see cref="DockerLabels.TestRun"/>,
/// so it removes its own containers and never another run's. build.sh sets
/// <see cref="PrefixVariable"/> so it can sweep what a crashed test process left behind.
/// </summary>
public static class TestRun
{
    public const string PrefixVariable = "TRACER_TEST_RUN";

    public static string Id { get; } =
        $"{Prefix()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The labels for a container or image this run creates.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } =
        new Dictionary<string, string> { [DockerLabels.TestRun] = Id };

    /// <summary>Labels that also mark one test's containers, so a leak check sees only them,
    /// not those of tests other classes run at the same time.</summary>
    public static IReadOnlyDictionary<string, string> LabelsForCase(string caseId) =>
        new Dictionary<string, string> { [DockerLabels.TestRun] = Id, [CaseLabel] = caseId };

    public const string CaseLabel = "io.tracer.test-case";

    private static string Prefix() =>
        Environment.GetEnvironmentVariable(PrefixVariable) is { Length: > 0 } prefix ? prefix : "tests";
}
