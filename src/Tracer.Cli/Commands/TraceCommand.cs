using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tracer.Docker;
using Tracer.Tracing;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer trace IMAGE --out DIR [options] [-- CMD ARGS…]</c>: run an image to completion
/// under tracing and write trace.json + allowlist.txt.</summary>
public sealed class TraceCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var image = new Argument<string>("IMAGE") { Description = "Image to run (name:tag or id)" };
        var command = new Argument<string[]>("CMD") { Description = "Command replacing the image's Cmd (after --)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Directory for trace.json and allowlist.txt", Required = true };
        output.OutputDirectory();
        var tracer = new Option<string>("--tracer")
        {
            Description = "Backend: ebpf+fanotify (default when the kernel allows it, else both), ebpf, fanotify, strace or both",
            DefaultValueFactory = _ => "auto",
        };
        tracer.AcceptOnlyFromAmong(["auto", .. TraceBackends.Names]);
        var env = new Option<string[]>("--env", "-e") { Description = "KEY=VALUE added to the environment", AllowMultipleArgumentsPerToken = false };
        env.KeyValues();
        var user = new Option<string?>("--user", "-u") { Description = "User to run as (name or uid[:gid])" };
        var mount = new Option<string[]>("--mount") { Description = "Bind mount SRC:DST[:ro]; DST is never allowlisted" };
        mount.BindMounts();
        var entrypoint = new Option<string?>("--entrypoint")
        {
            Description = "Program replacing the image's Entrypoint (the image's Cmd is then dropped, as with docker run)",
        };
        var timeout = new Option<double>("--timeout") { Description = "Seconds before the run is killed", DefaultValueFactory = _ => 600 };
        timeout.PositiveSeconds();
        var trace = new Command("trace", "Run an image under tracing; write trace.json and allowlist.txt")
        {
            image, command, output, tracer, env, user, mount, entrypoint, timeout,
        };
        trace.SetAction(async (parse, ct) =>
        {
            var request = new TraceRequest
            {
                Image = parse.GetValue(image)!,
                Command = parse.GetValue(command) ?? [],
                Entrypoint = parse.GetValue(entrypoint) is { } program ? [program] : null,
                Env = parse.GetValue(env) ?? [],
                User = parse.GetValue(user),
                Mounts = (parse.GetValue(mount) ?? []).Select(AbsoluteSource).ToList(),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Backend = TraceBackends.Parse(parse.GetValue(tracer)!),
            };
            using var engine = DockerEngine.Connect();
            using var logs = LoggerFactory.Create(b =>
            {
                if (parse.GetValue(globals.Verbose))
                {
                    // Diagnostics go to stderr; stdout stays for results.
                    b.AddConsole(static o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                        .AddSimpleConsole(static o => o.SingleLine = true)
                        .AddFilter(static level => level >= LogLevel.Information);
                }
            });
            var session = new TraceSession(engine, logs.CreateLogger<TraceSession>()) { Progress = static m => Console.Error.WriteLine($"trace: {m}") };
            var document = await session.RunAsync(request, ct);
            var directory = parse.GetValue(output)!;
            TraceFile.Write(directory, document);
            var events = string.Join(", ", document.Facts.Events.Select(static e => $"{e.Key} {e.Value}"));
            Console.Error.WriteLine(
                $"trace: {document.Accesses.Count} paths, {document.Accesses.AllowedPaths().Count} allowed " +
                $"({events}) in {document.Facts.DurationSeconds:0.##} s → {directory}");
            if (document.Facts.ExitCode is { } code and not 0)
            {
                // The trace of a failing run is kept: it shows what the function reached.
                throw new TracerException("the traced command failed", string.Join(' ', document.Facts.Command),
                    $"trace.json and allowlist.txt were still written to {directory}", ErrorCategory.FunctionFailed)
                { Reason = $"exit {code}" };
            }
            return (int)ExitCode.Ok;
        });
        return trace;
    }

    /// <summary>Docker takes a relative SRC as a volume name: make host paths absolute.</summary>
    private static string AbsoluteSource(string bind)
    {
        var colon = bind.IndexOf(':', StringComparison.Ordinal);
        var source = bind[..colon];
        return source.StartsWith('/') || !source.Contains('/', StringComparison.Ordinal) && !source.StartsWith('.')
            ? bind
            : Path.GetFullPath(source) + bind[colon..];
    }
}
