using Tracer.Docker;
using Tracer.Harness.Spec;
using Tracer.Reporting;
using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>The stages of one slim run, in order; <see cref="SlimPipeline"/> sets it up and cleans up.</summary>
internal sealed class SlimRun(DockerEngine engine, Func<string, IFunctionHost> tracedHost,
    IImageSynthesizer synthesizer, StageClock clock, ISlimProgress progress, FunctionSpec spec, SlimOptions options,
    FunctionContainer original, string output)
{
    private readonly List<RepairRound> _rounds = [];

    public async Task<SlimResult> ExecuteAsync(CancellationToken ct)
    {
        var traced = await clock.TimeAsync("trace",
            $"{spec.Probes.Count} probe(s) on {spec.Image} under {options.Tracer}",
            () => new ProbeRunner(original, tracedHost(options.Tracer)).RunAsync(spec.Probes, ct)).ConfigureAwait(false);
        if (traced.Results.FirstOrDefault(static r => !r.Passed) is { } failed)
        {
            // Nothing will be built: stop before listing the image (seconds on a large one).
            var inspect = await engine.InspectImageAsync(original.Image.Id, ct).ConfigureAwait(false);
            return new SlimResult(Report(false, $"probe '{failed.Name}' failed on the original image; nothing was built",
                new ImageSummary(spec.Image, inspect.ID, inspect.Size, null, null), null, traced, null, null, []),
                output, failed);
        }
        var originalInventory = await clock.TimeAsync("inventory", $"listing {spec.Image}",
            () => InventoryReader.ReadAsync(engine, original.Image.Id, LabelsOf(original), ct)).ConfigureAwait(false);
        var originalSummary = ImageSummary.Of(originalInventory) with { Image = spec.Image };
        var traceFiles = WriteTraces(traced.Traces);
        var accesses = traced.MergedAccesses();
        var tag = options.Tag ?? SlimOptions.DefaultTag(spec.Image);
        var added = new List<string>();
        for (var round = 0; ; round++)
        {
            var suffix = round == 0 ? "" : $" (round {round})";
            var synth = await clock.TimeAsync("synthesize" + suffix, $"{tag} from {accesses.Count} traced paths",
                () => synthesizer.SynthesizeAsync(new SynthesisRequest(original.Image, traceFiles,
                    [.. spec.Include, .. added], spec.Exclude, tag, Path.Combine(output, "image"))
                { RunAs = spec.User is { } user ? [user] : [] }, ct))
                .ConfigureAwait(false);
            foreach (var warning in synth.MissingWarnings)
            {
                progress.Warning(warning);
            }
            var minimalFacts = ImageFacts.From(tag, await engine.InspectImageAsync(synth.ImageId, ct).ConfigureAwait(false));
            var minimal = original.OnImage(minimalFacts);
            var minimalInventory = await InventoryReader.ReadAsync(engine, synth.ImageId, LabelsOf(original), ct)
                .ConfigureAwait(false);
            var verify = await clock.TimeAsync("verify" + suffix, $"{spec.Probes.Count} probe(s) on {tag}",
                () => OnMinimalAsync(minimal, new UntracedHost(engine), spec.Probes, ct)).ConfigureAwait(false);
            var failing = spec.Probes.Where((p, i) => !verify.Results[i].Passed
                || !ProbeCheck.Same(traced.Results[i], verify.Results[i])).ToList();
            IReadOnlyList<string> missing = [];
            if (failing.Count > 0)
            {
                missing = await DiagnoseAsync(minimal, failing, originalInventory, minimalInventory, suffix, ct)
                    .ConfigureAwait(false);
            }
            var repair = failing.Count > 0 && missing.Count > 0 && round < options.RepairRounds;
            var adding = repair
                ? TreePaths([.. missing, .. await LookupsOnOriginalAsync(failing, minimalInventory, originalInventory,
                    suffix, ct).ConfigureAwait(false)], originalInventory)
                : [];
            _rounds.Add(new RepairRound(round, synth.ImageId, failing.Count == 0, failing.Select(static p => p.Name).ToList(),
                missing, adding));
            if (!repair)
            {
                var summary = ImageSummary.Of(minimalInventory) with { Image = tag };
                var outcome = failing.Count == 0
                    ? $"every probe passed on the minimal image{(round > 0 ? $" after {round} repair round(s)" : "")}"
                    : $"{failing.Count} probe(s) failed on the minimal image: {string.Join(", ", failing.Select(static p => p.Name))}";
                var report = Report(failing.Count == 0, outcome, originalSummary, summary, traced, verify,
                    (originalInventory, minimalInventory, accesses, synth.KeptRules), synth.Artifacts) with
                {
                    Excluded = synth.Excluded.OrderBy(static e => e.Key, StringComparer.Ordinal)
                        .Select(static e => new ExcludedPath(e.Key, e.Value)).ToList(),
                };
                return new SlimResult(report, output, null);
            }
            progress.Info($"round {round}: {missing.Count} missing path(s); adding {adding.Count} path(s) and rebuilding");
            added.AddRange(adding);
        }
    }

    private async Task<IReadOnlyList<string>> DiagnoseAsync(FunctionContainer minimal, IReadOnlyList<Probe> failing,
        ImageInventory originalInventory, ImageInventory minimalInventory, string suffix, CancellationToken ct)
    {
        var backend = LookupBackend();
        if (backend == "strace" && EnvironmentCheck.FindStrace() is null)
        {
            progress.Info("strace not found: cannot diagnose which paths the minimal image lacks");
            return [];
        }
        var straced = await clock.TimeAsync("diagnose" + suffix,
            $"{failing.Count} failing probe(s) on the minimal image under {backend}",
            () => OnMinimalAsync(minimal, tracedHost(backend), failing, ct)).ConfigureAwait(false);
        return MissingPathDiagnosis.Find(straced.MergedAccesses(), originalInventory, minimalInventory);
    }

    /// <summary>The backend that sees every lookup for diagnosis: eBPF where the kernel allows it
    /// (it also follows a service's exec probes, which strace cannot), else strace.</summary>
    private static string LookupBackend() => Tracing.Ebpf.EbpfSupport.Unavailable() is null ? "ebpf" : "strace";

    /// <summary>
    /// Probes on the minimal image. The engine refusing to start it (a user or program the image
    /// lacks) is the minimal image's fault, not the spec's: the original ran with the same spec.
    /// So it makes every probe fail (verification failed, with a report) instead of a usage error.
    /// </summary>
    private static async Task<ProbeOutcome> OnMinimalAsync(FunctionContainer minimal, IFunctionHost host,
        IReadOnlyList<Probe> probes, CancellationToken ct)
    {
        try
        {
            return await new ProbeRunner(minimal, host).RunAsync(probes, ct).ConfigureAwait(false);
        }
        catch (TracerException e) when (e.Category == ErrorCategory.Usage)
        {
            var why = $"the engine could not run the minimal image: {e.Reason ?? e.What}";
            return new ProbeOutcome(probes.Select(p => ProbeResult.Broken(p, why, 0)).ToList(), []);
        }
    }

    /// <summary>
    /// A function that dies at its first missing file hides the files it would have needed
    /// next, so each repair also adds what the failing probes look up on the original (strace
    /// sees lookups without open) that the minimal image lacks.
    /// </summary>
    private async Task<IReadOnlyList<string>> LookupsOnOriginalAsync(IReadOnlyList<Probe> failing,
        ImageInventory minimalInventory, ImageInventory originalInventory, string suffix, CancellationToken ct)
    {
        var backend = LookupBackend();
        var straced = await clock.TimeAsync("repair lookups" + suffix,
            $"{failing.Count} failing probe(s) on the original under {backend}",
            () => new ProbeRunner(original, tracedHost(backend)).RunAsync(failing, ct)).ConfigureAwait(false);
        return MissingPathDiagnosis.Find(straced.MergedAccesses(), originalInventory, minimalInventory);
    }

    /// <summary>
    /// Include globs match the image's own tree, so a name looked up through a directory
    /// symlink (/lib/… on usrmerge) is added together with the path it resolves to.
    /// </summary>
    private static List<string> TreePaths(IReadOnlyList<string> names, ImageInventory original) =>
        names.SelectMany(n => original.Resolve(n) is { } target && target != n ? [n, target] : new[] { n })
            .Distinct(StringComparer.Ordinal).ToList();

    private IReadOnlyList<string> WriteTraces(IReadOnlyList<TraceDocument> traces)
    {
        var files = new List<string>();
        for (var i = 0; i < traces.Count; i++)
        {
            var dir = Path.Combine(output, "trace", $"run-{i + 1}");
            TraceFile.Write(dir, traces[i]);
            files.Add(Path.Combine(dir, TraceFile.TraceFileName));
        }
        return files;
    }

    private SlimReport Report(bool verified, string outcome, ImageSummary originalSummary, ImageSummary? minimalSummary,
        ProbeOutcome traced, ProbeOutcome? verify,
        (ImageInventory O, ImageInventory M, AccessSet A, IReadOnlyDictionary<string, string> Rules)? trees,
        IReadOnlyList<string> artifacts) => new()
        {
            Verified = verified,
            Outcome = outcome,
            Spec = spec.SourcePath,
            Tracer = options.Tracer,
            TracedWith = traced.Traces.Select(static t => t.Facts.Backend).Distinct().Order(StringComparer.Ordinal).ToList(),
            Original = originalSummary,
            Minimal = minimalSummary,
            Probes = traced.Results.Select((r, i) => new ProbeComparison(r.Name, r, verify?.Results[i])).ToList(),
            Stages = clock.Stages,
            Rounds = _rounds,
            AttackSurface = trees is { } t ? AttackSurfaceAnalysis.Analyse(t.O, t.M, t.A, t.Rules) : null,
            LazyGroups = trees is { } l ? LazyGroupAnalysis.Analyse(l.O, l.M, l.A) : [],
            Artifacts = artifacts,
        };

    private static IReadOnlyDictionary<string, string> LabelsOf(FunctionContainer function) =>
        function.For([]).Labels;
}
