using Tracer.Synthesis;
using Tracer.Synthesis.Tree;
using Tracer.Tracing;
using static Tracer.Tests.Synthesis.SavedImageTests;

namespace Tracer.Tests.Synthesis;

/// <summary><see cref="Synthesizer.Build"/> on a small docker-save archive: the files it writes.</summary>
public sealed class SynthesizerBuildTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-build-").FullName;

    [Fact]
    public async Task Build_VolumeContentUsedAndMissingPath_KeepsVolumeFileAndEndsEveryLineWithNewline()
    {
        var layer = Layer(w =>
        {
            Dir(w, "data/");
            File(w, "data/seed.txt", "seed");
            File(w, "data/unused.txt", "unused");
        });
        using var image = await SavedImage.SpoolAsync(
            Archive("""{"os":"linux","config":{"Volumes":{"/data":{}}}}""", layer), _dir, CancellationToken.None);
        var accesses = new AccessSet();
        accesses.Add("/data/seed.txt", AccessKind.Open, 1, "app");
        accesses.Add("/etc/gone.conf", AccessKind.Open, 1, "app");
        accesses.Add("/opt/absent", AccessKind.Stat, 1, "app");

        var built = Synthesizer.Build(image, "sha256:src", new TraceInput(accesses, [], []), new SynthesisOptions
        {
            Image = "src",
            Traces = [],
            Tag = "a:b",
            OutputDirectory = Path.Combine(_dir, "out"),
        });

        // Docker seeds an anonymous volume from the image, so what the function read there is kept.
        Assert.Contains("/data/seed.txt", built.Closure.Kept.Keys);
        Assert.DoesNotContain("/data/unused.txt", built.Closure.Kept.Keys);
        var missing = await System.IO.File.ReadAllTextAsync(Path.Combine(_dir, "out", Synthesizer.MissingFileName));
        Assert.Equal("/etc/gone.conf\n/opt/absent\n", missing);
        var kept = await System.IO.File.ReadAllTextAsync(Path.Combine(_dir, "out", Synthesizer.KeptFileName));
        Assert.EndsWith("\n", kept, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
