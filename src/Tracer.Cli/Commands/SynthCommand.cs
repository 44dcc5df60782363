using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tracer.Reporting;
using Tracer.Synthesis;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer synth IMAGE --trace FILE… --tag NAME:TAG --out DIR</c>: builds the
/// minimal image from traces and loads it.</summary>
public sealed class SynthCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var image = new Argument<string>("IMAGE") { Description = "Source image (name, name:tag or id)" };
        var traces = new Option<string[]>("--trace")
        {
            Description = "trace.json from 'tracer trace' (repeatable; traces merge)",
            Required = true,
        };
        var tag = new Option<string>("--tag") { Description = "NAME:TAG for the minimal image", Required = true };
        var output = new Option<string>("--out")
        {
            Description = "Directory for rootfs.tar, Dockerfile, config.json and kept.txt",
            Required = true,
        };
        output.OutputDirectory();
        var includes = new Option<string[]>("--include") { Description = "Also keep paths matching this glob (** allowed)" };
        var excludes = new Option<string[]>("--exclude") { Description = "Never keep paths matching this glob" };
        var force = new Option<bool>("--force") { Description = "Accept traces recorded on another image" };
        var noLoad = new Option<bool>("--no-load") { Description = "Write the files only; load nothing" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };

        var command = new Command("synth", "Build a minimal FROM-scratch image from traces")
        {
            image, traces, tag, output, includes, excludes, force, noLoad, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var loggers = LoggerFactory.Create(b => b
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(parse.GetValue(globals.Verbose) ? LogLevel.Information : LogLevel.None));
            var result = await Synthesizer.RunAsync(new SynthesisOptions
            {
                Image = parse.GetValue(image)!,
                Traces = parse.GetValue(traces) ?? [],
                Tag = parse.GetValue(tag)!,
                OutputDirectory = parse.GetValue(output)!,
                Includes = parse.GetValue(includes) ?? [],
                Excludes = parse.GetValue(excludes) ?? [],
                Force = parse.GetValue(force),
                NoLoad = parse.GetValue(noLoad),
                Logger = loggers.CreateLogger("tracer.synth"),
            }, ct);
            foreach (var warning in result.Warnings)
            {
                Console.Error.WriteLine("warning: " + warning);
            }
            foreach (var warning in Synthesizer.MissingWarnings(result.Missing, parse.GetValue(output)!))
            {
                Console.Error.WriteLine("warning: " + warning);
            }
            Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(Summary(result)) + "\n" : Text(result));
            return (int)ExitCode.Ok;
        });
        return command;
    }

    internal static object Summary(SynthesisResult r) => new
    {
        imageId = r.ImageId,
        tag = r.Tag,
        sourceImageId = r.SourceImageId,
        kept = r.Kept.Count,
        missing = r.Missing,
        excluded = r.Excluded.OrderBy(static e => e.Key, StringComparer.Ordinal)
            .Select(static e => new { path = e.Key, reason = e.Value }),
        packages = r.Packages,
        sourceBytes = r.SourceBytes,
        layerBytes = r.LayerBytes,
        synthesisSeconds = r.SynthesisTime.TotalSeconds,
    };

    internal static string Text(SynthesisResult r) =>
        $"image {r.ImageId}{(r.Tag.Length > 0 ? " " + r.Tag : "")}\n"
        + $"kept {r.Kept.Count} of {r.SourceEntries} paths, {r.Packages.Count} packages, {r.Missing.Count} missing\n"
        + $"size {ReportFormat.Size(r.SourceBytes)} -> {ReportFormat.Size(r.LayerBytes)}\n";
}
