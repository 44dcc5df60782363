using System.Diagnostics;
using Tracer.Synthesis;
using Tracer.Synthesis.Tree;

namespace Tracer.Benchmarks;

/// <summary>
/// <c>Tracer.Benchmarks synth-archive SAVE.tar TRACE.json OUTDIR</c>: synthesis of a docker-save
/// archive on disk without the engine, for timing and for peak RSS under /usr/bin/time -v.
/// </summary>
public static class SynthesisMeasurement
{
    public const string Verb = "synth-archive";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} SAVE.tar TRACE.json OUTDIR");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        await using var archive = File.OpenRead(args[1]);
        using var image = await SavedImage.SpoolAsync(archive, Path.GetTempPath(), CancellationToken.None);
        var spool = clock.Elapsed;
        clock.Restart();
        var traces = TraceInput.Read([args[2]]);
        var closureOnly = Closure.Run(new ClosureInput { Tree = image.Tree, Accesses = traces.Accesses });
        Console.WriteLine($"closure alone (cold): {closureOnly.Kept.Count} kept, {clock.Elapsed.TotalSeconds:F2}s");
        clock.Restart();
        var built = Synthesizer.Build(image, "sha256:measured", TraceInput.Read([args[2]]), new SynthesisOptions
        {
            Image = "measured",
            Traces = [args[2]],
            Tag = "measured:latest",
            OutputDirectory = args[3],
        });
        Console.WriteLine($"entries {image.Tree.Count}, archive {image.ArchiveBytes} bytes, spool {spool.TotalSeconds:F2}s; "
            + $"kept {built.Closure.Kept.Count}, layer {built.LayerBytes} bytes, synthesis {clock.Elapsed.TotalSeconds:F2}s, "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
        return 0;
    }
}
