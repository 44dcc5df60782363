using System.CommandLine;
using Tracer.Tracing;
using Tracer.Tracing.Strace;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer ingest-strace LOG --out DIR</c>: an existing strace log into trace.json + allowlist.txt.</summary>
public sealed class IngestStraceCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var log = new Argument<string>("LOG")
        {
            Description = "strace -f output file, or the PREFIX of 'strace -ff -o PREFIX' files",
        };
        var output = new Option<string>("--out", "-o") { Description = "Directory for trace.json and allowlist.txt", Required = true };
        output.OutputDirectory();
        var cwd = new Option<string?>("--cwd")
        {
            Description = "Working directory of the first traced process (needed for relative paths without -y)",
        };
        var root = new Option<string>("--root")
        {
            Description = "Directory the traced files live under, to read scripts' #! lines",
            DefaultValueFactory = _ => "/",
        };
        var command = new Command("ingest-strace", "Turn an existing strace log into trace.json and allowlist.txt")
        {
            log, output, cwd, root,
        };
        command.SetAction(parse =>
        {
            var (document, stats) = StraceIngest.Run(parse.GetValue(log)!, parse.GetValue(cwd), parse.GetValue(root));
            var directory = parse.GetValue(output)!;
            TraceFile.Write(directory, document);
            Console.Error.WriteLine(
                $"ingest-strace: {stats.Lines} lines, {stats.Syscalls} calls, {document.Accesses.Count} paths, " +
                $"{document.Accesses.AllowedPaths().Count} allowed; {stats.Unresolved} unresolved, " +
                $"{stats.Truncated} truncated → {Path.Combine(directory, TraceFile.AllowlistFileName)}");
            return 0;
        });
        return command;
    }
}
