using System.CommandLine;

namespace Tracer.Cli.Commands;

/// <summary><c>tracer version</c>: prints the tool's version.</summary>
public sealed class VersionCommand : ICommandFactory
{
    public Command Create(GlobalOptions globals)
    {
        var command = new Command("version", "Print the tracer version");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(TracerVersion.Current);
            return 0;
        });
        return command;
    }
}
