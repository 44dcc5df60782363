using System.CommandLine;
using System.Runtime.InteropServices;

namespace Tracer.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var globals = new GlobalOptions();
        var root = BuildRoot(globals);
        var parse = root.Parse(args);
        var verbose = parse.GetValue(globals.Verbose);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine(ErrorPrinter.FormatParseError(parse));
            return (int)ExitCode.Usage;
        }

        using var cancel = new CancellationTokenSource();
        var signal = 0;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            // Cancel instead of dying, so every container we started is removed first.
            context.Cancel = true;
            signal = context.Signal == PosixSignal.SIGINT ? 130 : 143;
            cancel.Cancel();
        }

        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            var code = await parse.InvokeAsync(config, cancel.Token);
            return signal != 0 ? Interrupted(signal) : code;
        }
        catch (Exception) when (signal != 0)
        {
            // Cancellation wins over whatever error it caused on the way out (a cancelled
            // engine call can look like a dead daemon or a failed probe).
            return Interrupted(signal);
        }
        catch (TracerException e)
        {
            ErrorPrinter.Print(Console.Error, e, verbose);
            return (int)ExitCodes.For(e.Category);
        }
        catch (Exception e)
        {
            ErrorPrinter.PrintUnexpected(Console.Error, e);
            return (int)ExitCode.InternalError;
        }
    }

    private static int Interrupted(int signal)
    {
        Console.Error.WriteLine(signal == 130
            ? "error: interrupted: 'SIGINT': the run stopped and removed the containers it had started."
            : "error: terminated: 'SIGTERM': the run stopped and removed the containers it had started.");
        return signal;
    }

    /// <summary>Builds the root command from every <see cref="ICommandFactory"/> in this assembly.</summary>
    public static RootCommand BuildRoot(GlobalOptions globals)
    {
        var root = new RootCommand(
            "Tracer: watch a containerised function run and build the minimal image it needs.");
        root.Options.Add(globals.Verbose);
        var factories = typeof(Program).Assembly.GetTypes()
            .Where(static t => t is { IsClass: true, IsAbstract: false }
                && typeof(ICommandFactory).IsAssignableFrom(t))
            .OrderBy(static t => t.Name, StringComparer.Ordinal);
        foreach (var type in factories)
        {
            var factory = (ICommandFactory)Activator.CreateInstance(type)!;
            root.Subcommands.Add(factory.Create(globals));
        }
        return root;
    }
}
