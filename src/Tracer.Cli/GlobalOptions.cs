using System.CommandLine;

namespace Tracer.Cli;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print stack traces and debug logs",
        Recursive = true,
    };
}
