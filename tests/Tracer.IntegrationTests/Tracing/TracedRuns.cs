namespace Tracer.IntegrationTests.Tracing;

/// <summary>Traced runs of the fixtures go one at a time: their container checks look at all
/// fixture containers of the test run, and two traced runs would share the 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class TracedRuns
{
    public const string Name = "traced runs";
}
