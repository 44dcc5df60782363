using System.CommandLine;
using Tracer.Cli.Progress;
using Tracer.Docker;
using Tracer.Harness;
using Tracer.Reporting;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer slim</c>: trace, synthesize, verify, report (README: "tracer slim").</summary>
public sealed class SlimCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var spec = new Option<FileInfo>("--spec") { Description = "The function spec (YAML)", Required = true };
        var tag = new Option<string?>("--tag") { Description = "Tag of the minimal image (default: <repo>:slim)" };
        var output = new Option<string?>("--out") { Description = "Folder for report, trace and image files" };
        output.OutputDirectory();
        var tracer = new Option<string>("--tracer")
        {
            Description = "Backend: auto (ebpf+fanotify when the kernel allows it, else both), ebpf+fanotify, ebpf, "
                + "fanotify, strace or both",
            DefaultValueFactory = _ => "auto",
        };
        tracer.AcceptOnlyFromAmong(SlimOptions.Tracers);
        var repair = new Option<int>("--repair") { Description = "Rounds of adding missing paths and rebuilding" };
        repair.NotNegative();
        var json = new Option<bool>("--json") { Description = "Print report.json instead of the summary" };
        var command = new Command("slim", "Trace a function's probes, build its minimal image, verify it, report")
        {
            spec, tag, output, tracer, repair, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SlimOptions
            {
                SpecPath = parse.GetValue(spec)!.FullName,
                Tag = parse.GetValue(tag),
                OutputDirectory = parse.GetValue(output),
                Tracer = parse.GetValue(tracer)!,
                RepairRounds = parse.GetValue(repair),
            };
            using var engine = DockerEngine.Connect();
            var result = await LiveProgress.RunAsync(progress =>
                new SlimPipeline(engine, PipelineParts.TracedHosts(engine), PipelineParts.Synthesizer(engine), progress)
                    .RunAsync(options, ct));
            Console.Out.Write(parse.GetValue(json)
                ? ReportJson.Serialize(result.Report)
                : ReportSummary.Render(result.Report, result.OutputDirectory));
            if (result.FailedOnOriginal is { } failed)
            {
                throw FailedOnOriginal(failed);
            }
            return (int)(result.Report.Verified ? ExitCode.Ok : ExitCode.VerificationFailed);
        });
        return command;
    }

    /// <summary>CASES 5: the probe's own output first, then the one-line error naming it.</summary>
    internal static TracerException FailedOnOriginal(ProbeResult failed)
    {
        var stderr = Console.Error;
        stderr.WriteLine($"--- probe '{failed.Name}' on the original image: stdout ---");
        stderr.WriteLine(failed.Stdout.TrimEnd());
        stderr.WriteLine($"--- probe '{failed.Name}' on the original image: stderr ---");
        stderr.WriteLine(failed.Stderr.TrimEnd());
        stderr.WriteLine("---");
        return new TracerException(
            failed.TimedOut ? "probe timed out on the original image" : "probe failed on the original image",
            failed.Name, $"{string.Join("; ", failed.Failures)}; its output is above; no image was built",
            failed.TimedOut ? ErrorCategory.Timeout : ErrorCategory.FunctionFailed);
    }
}
