using System.CommandLine;
using System.Text.Json;
using Tracer.Docker;
using Tracer.Harness;
using Tracer.Harness.Spec;
using Tracer.Reporting;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer verify</c>: runs a spec's probes on an image (e.g. a minimal one) and checks them.</summary>
public sealed class VerifyCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var spec = new Option<FileInfo>("--spec") { Description = "The function spec (YAML)", Required = true };
        var image = new Option<string>("--image") { Description = "The image to verify", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the probe results as JSON" };
        var command = new Command("verify", "Run a spec's probes on an image and check the expectations")
        {
            spec, image, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var function = SpecReader.Read(parse.GetValue(spec)!.FullName);
            using var engine = DockerEngine.Connect();
            var outcome = await ImageVerification.RunAsync(engine, function, parse.GetValue(image)!,
                new Dictionary<string, string>(), ct);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(outcome.Results, ReportJson.Options));
            }
            else
            {
                foreach (var r in outcome.Results)
                {
                    Console.Out.WriteLine($"{ReportFormat.ProbeCell(r)}  {r.Name}");
                    foreach (var failure in r.Failures)
                    {
                        Console.Out.WriteLine($"    {failure}");
                    }
                }
            }
            return (int)(outcome.AllPassed ? ExitCode.Ok : ExitCode.VerificationFailed);
        });
        return command;
    }
}
