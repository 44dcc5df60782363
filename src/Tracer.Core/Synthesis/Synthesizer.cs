using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracer.Docker;
using Tracer.Synthesis.Output;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis;

/// <summary>
/// tracer synth: image + traces → minimal FROM-scratch image. Saves the image through the
/// engine, runs the closure rules, writes rootfs.tar, config.json, Dockerfile and kept.txt,
/// then loads and tags the image. Nothing half-loaded stays in the engine.
/// </summary>
public static class Synthesizer
{
    public const string KeptFileName = "kept.txt";
    public const string ConfigFileName = "config.json";
    public const string DockerfileName = "Dockerfile";
    public const string MissingFileName = "missing.txt";

    /// <summary>How many missing paths get a warning line of their own.</summary>
    public const int MissingShown = 10;

    /// <summary>The warnings (without the "warning: " prefix) for paths the traces used that the
    /// image lacks: the first <see cref="MissingShown"/>, then how many more are in missing.txt.
    /// synth and slim print the same lines.</summary>
    public static IReadOnlyList<string> MissingWarnings(IReadOnlyList<string> missing, string outputDirectory)
    {
        var lines = missing.Take(MissingShown)
            .Select(static m => $"'{m}' was used by the function but is not in the image: "
                + "taken as made at run time, so only its directory is kept").ToList();
        if (missing.Count > MissingShown)
        {
            lines.Add($"{missing.Count - MissingShown} more paths missing from the image; "
                + $"all are listed in {Path.Combine(outputDirectory, MissingFileName)}");
        }
        return lines;
    }

    public static async Task<SynthesisResult> RunAsync(SynthesisOptions options, CancellationToken ct)
    {
        var logger = options.Logger ?? NullLogger.Instance;
        var (repository, tag) = ParseTag(options.Tag);
        Glob.Validate(options.Includes, "--include");
        Glob.Validate(options.Excludes, "--exclude");
        var traces = TraceInput.Read(options.Traces);
        var engine = options.Engine ?? DockerEngine.Connect();
        try
        {
            var inspect = await engine.InspectImageAsync(options.Image, ct).ConfigureAwait(false);
            var traceWarnings = traces.CheckImage(inspect.ID, options.Force);
            var clock = Stopwatch.StartNew();
            using var save = await engine.SaveImageAsync(inspect.ID, ct).ConfigureAwait(false);
            using var image = await SavedImage.SpoolAsync(save, options.TempDirectory ?? Path.GetTempPath(), ct)
                .ConfigureAwait(false);
            var saveTime = clock.Elapsed;
            SynthesisLog.Saved(logger, options.Image, DockerEngine.Short(Bare(inspect.ID)), image.Tree.Count,
                image.LayerCount, saveTime.TotalSeconds);

            clock.Restart();
            var built = Build(image, inspect.ID, traces, options);
            var synthesisTime = clock.Elapsed;
            foreach (var warning in traceWarnings.Concat(built.Closure.Warnings))
            {
                SynthesisLog.Warning(logger, warning);
            }
            SynthesisLog.Synthesized(logger, built.Closure.Kept.Count, built.Closure.Missing.Count,
                built.Closure.Packages.Count, built.LayerBytes, synthesisTime.TotalSeconds);

            clock.Restart();
            var fullTag = "";
            if (!options.NoLoad)
            {
                await LoadAsync(engine, built, repository, tag, options, ct).ConfigureAwait(false);
                fullTag = repository + ":" + tag;
                SynthesisLog.Loaded(logger, DockerEngine.Short(Bare(built.ImageId)), fullTag, clock.Elapsed.TotalSeconds);
            }
            return ToResult(built, inspect.ID, fullTag, inspect.Size, image.Tree.Count) with
            {
                Warnings = [.. traceWarnings, .. built.Closure.Warnings],
                SaveTime = saveTime,
                SynthesisTime = synthesisTime,
                LoadTime = clock.Elapsed,
            };
        }
        finally
        {
            if (options.Engine is null)
            {
                engine.Dispose();
            }
        }
    }

    /// <summary>The engine-free part: closure and output files. Deterministic for the same
    /// image and traces.</summary>
    public static SynthesizedImage Build(SavedImage image, string sourceImageId, TraceInput traces,
        SynthesisOptions options)
    {
        var config = image.Config["config"] as JsonObject ?? [];
        var input = new ClosureInput
        {
            Tree = image.Tree,
            Accesses = traces.Accesses,
            BindMounts = traces.BindMounts,
            User = config["User"]?.GetValue<string>() ?? "",
            RunAs = options.RunAs,
            Env = (config["Env"] as JsonArray ?? []).Select(static n => n?.GetValue<string>() ?? "").ToList(),
            Created = CreatedTime(image.Config),
            Includes = options.Includes.Select(static g => new Glob(g)).ToList(),
            Excludes = options.Excludes.Select(static g => new Glob(g)).ToList(),
        };
        var closure = Closure.Run(input);

        Directory.CreateDirectory(options.OutputDirectory);
        var layerPath = Path.Combine(options.OutputDirectory, DockerfileWriter.LayerFileName);
        int entries;
        using (var layer = new FileStream(layerPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            (entries, _) = LayerWriter.Write(closure, layer);
        }
        string diffId;
        long layerBytes;
        using (var layer = File.OpenRead(layerPath))
        {
            layerBytes = layer.Length;
            diffId = ImageConfigBuilder.Digest(layer);
        }
        var configBytes = ImageConfigBuilder.Build(image.Config, sourceImageId, diffId);
        var imageId = ImageConfigBuilder.Digest(configBytes);
        File.WriteAllBytes(Path.Combine(options.OutputDirectory, ConfigFileName), configBytes);
        File.WriteAllText(Path.Combine(options.OutputDirectory, DockerfileName),
            DockerfileWriter.Write((JsonObject)JsonNode.Parse(configBytes)!, sourceImageId));
        File.WriteAllText(Path.Combine(options.OutputDirectory, KeptFileName), string.Concat(
            closure.Kept.OrderBy(static k => k.Key, StringComparer.Ordinal)
                .Select(static k => $"{k.Key}\t{k.Value}\n")));
        File.WriteAllText(Path.Combine(options.OutputDirectory, MissingFileName),
            string.Concat(closure.Missing.Select(static m => m + "\n")));
        return new SynthesizedImage(closure, configBytes, imageId, diffId, layerPath, layerBytes, entries);
    }

    /// <summary>Loads the archive, checks the engine got the id we computed, then tags it. On
    /// any failure an image that was not there before is removed again.</summary>
    private static async Task LoadAsync(DockerEngine engine, SynthesizedImage built, string repository,
        string tag, SynthesisOptions options, CancellationToken ct)
    {
        var existed = await engine.ImageExistsAsync(built.ImageId, ct).ConfigureAwait(false);
        var archivePath = Path.Combine(options.TempDirectory ?? Path.GetTempPath(),
            $"tracer-load-{Guid.NewGuid():N}.tar");
        try
        {
            using (var archive = new FileStream(archivePath, FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
            {
                LoadArchiveWriter.Write(archive, built.Config, built.ImageId, built.LayerPath, built.DiffId,
                    CreatedTime(JsonNode.Parse(built.Config)!.AsObject()));
                archive.Position = 0;
                await engine.LoadImageAsync(archive, ct).ConfigureAwait(false);
            }
            if (!await engine.ImageExistsAsync(built.ImageId, ct).ConfigureAwait(false))
            {
                throw new TracerException("the engine did not load the minimal image", built.ImageId,
                    "see the daemon log", ErrorCategory.Environment);
            }
            await engine.TagImageAsync(built.ImageId, repository, tag, ct).ConfigureAwait(false);
        }
        catch when (!existed)
        {
            await engine.RemoveImageAsync(built.ImageId).ConfigureAwait(false);
            throw;
        }
    }

    private static SynthesisResult ToResult(SynthesizedImage built, string sourceId, string tag,
        long sourceBytes, int sourceEntries) => new()
        {
            ImageId = built.ImageId,
            Tag = tag,
            SourceImageId = sourceId,
            Kept = built.Closure.Kept.OrderBy(static k => k.Key, StringComparer.Ordinal)
                .Select(static k => new KeptPath(k.Key, k.Value)).ToList(),
            Missing = built.Closure.Missing.ToList(),
            Excluded = built.Closure.Excluded,
            Warnings = built.Closure.Warnings,
            Packages = built.Closure.Packages,
            SourceBytes = sourceBytes,
            SourceEntries = sourceEntries,
            LayerEntries = built.LayerEntries,
            LayerBytes = built.LayerBytes,
            LayerPath = built.LayerPath,
        };

    /// <summary>NAME[:TAG] → (NAME, TAG); a ':' before the last '/' is a registry port.</summary>
    public static (string Repository, string Tag) ParseTag(string value)
    {
        var colon = value.LastIndexOf(':');
        var (repository, tag) = colon > value.LastIndexOf('/') ? (value[..colon], value[(colon + 1)..]) : (value, "latest");
        if (!ImageReference.IsRepository(repository) || !ImageReference.IsTag(tag))
        {
            throw new TracerException("not a valid image tag", value,
                "use NAME:TAG with a lower-case NAME ([a-z0-9] parts joined by '.', '_', '-' or '/') "
                + "and a TAG of letters, digits, '_', '.' or '-', e.g. myfunc:min");
        }
        if (repository == "sha256" || ImageReference.IsImageId(repository))
        {
            throw new TracerException("not a valid image tag", value,
                "the engine refuses a name that looks like an image id or digest; choose another NAME");
        }
        return (repository, tag);
    }

    private static DateTimeOffset CreatedTime(JsonObject config) =>
        DateTimeOffset.TryParse(config["created"]?.GetValue<string>(), out var t) ? t : DateTimeOffset.UnixEpoch;

    private static string Bare(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
}
