using Tracer.Docker;
using Tracer.Harness;
using Tracer.Harness.Spec;

namespace Tracer.IntegrationTests.Harness;

/// <summary>An engine, a test-run label and a temp folder; removes what the test created.</summary>
public sealed class HarnessFixture : IAsyncDisposable
{
    public DockerEngine Engine { get; } = DockerEngine.Connect();
    public string RunId { get; } = "harness-" + Guid.NewGuid().ToString("N")[..8];
    public string Dir { get; } = Directory.CreateTempSubdirectory("tracer-harness-").FullName;

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [DockerLabels.TestRun] = RunId };

    public FunctionSpec Spec(string yaml, string name = "function.yaml")
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, yaml);
        return SpecReader.Read(path);
    }

    public async Task<FunctionContainer> ContainerAsync(FunctionSpec spec) =>
        new(spec, ImageFacts.From(spec.Image, await Engine.InspectImageAsync(spec.Image, CancellationToken.None)),
            Labels);

    public async ValueTask DisposeAsync()
    {
        await Engine.RemoveLabelledAsync(DockerLabels.TestRun, RunId);
        Engine.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
