using System.CommandLine;

namespace Tracer.Cli;

/// <summary>
/// One command per file: each factory builds its <see cref="Command"/>. Program finds every
/// factory in this assembly, so adding a command touches no other file.
/// </summary>
public interface ICommandFactory
{
    Command Create(GlobalOptions globals);
}
