using Tracer.Docker;
using Tracer.Harness.Spec;
using Tracer.Reporting;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>
/// <c>tracer slim</c>: trace the original while every probe runs, synthesize, verify the minimal
/// image with the same probes, diagnose and repair, report. Every container carries the run's
/// session label and is removed at the end, also after Ctrl-C.
/// </summary>
public sealed class SlimPipeline(DockerEngine engine, Func<string, IFunctionHost> tracedHost,
    IImageSynthesizer synthesizer, ISlimProgress progress)
{
    public const string SessionLabel = "io.tracer.session";

    public async Task<SlimResult> RunAsync(SlimOptions options, CancellationToken ct)
    {
        var read = SpecReader.Read(options.SpecPath);
        if (!SlimOptions.Tracers.Contains(options.Tracer))
        {
            throw new TracerException("unknown tracer", options.Tracer, $"use one of {string.Join(", ", SlimOptions.Tracers)}");
        }
        if (options.RepairRounds < 0)
        {
            throw new TracerException("bad --repair", options.RepairRounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "give a number of rounds, 0 or more");
        }
        // A tag the engine would refuse fails now, not after the trace.
        Synthesis.Synthesizer.ParseTag(options.Tag ?? SlimOptions.DefaultTag(read.Image));
        await EnvironmentCheck.RunAsync(engine, options.Tracer, ct).ConfigureAwait(false);
        var inspect = await engine.InspectImageAsync(read.Image, ct).ConfigureAwait(false);
        var facts = ImageFacts.From(read.Image, inspect);
        var spec = HealthcheckProbe.AddTo(read, inspect.Config?.Healthcheck);
        var session = Guid.NewGuid().ToString("N")[..12];
        var labels = new Dictionary<string, string>(options.Labels) { [SessionLabel] = session };
        progress.Info($"session {session}: every container is labelled {SessionLabel}={session}");
        var output = Path.GetFullPath(options.OutputDirectory ?? DefaultOutput(spec.Image));
        Directory.CreateDirectory(output);
        var run = new SlimRun(engine, tracedHost, synthesizer, new StageClock(progress), progress, spec, options,
            new FunctionContainer(spec, facts, labels), output);
        try
        {
            var result = await run.ExecuteAsync(ct).ConfigureAwait(false);
            ReportWriter.Write(output, result.Report);
            return result;
        }
        finally
        {
            // The hosts remove their own containers; this catches anything a crash left behind.
            await engine.RemoveLabelledAsync(SessionLabel, session).ConfigureAwait(false);
        }
    }

    private static string DefaultOutput(string image)
    {
        var name = SlimOptions.DefaultTag(image)[..^":slim".Length];
        return Path.Combine("out", "slim-" + name[(name.LastIndexOf('/') + 1)..]);
    }
}
