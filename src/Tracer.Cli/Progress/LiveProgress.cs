using Spectre.Console;
using Tracer.Harness;

namespace Tracer.Cli.Progress;

/// <summary>A spinner with the current stage on a terminal's stderr; finished stages stay as lines.</summary>
public sealed class LiveProgress(IAnsiConsole console, StatusContext status) : ISlimProgress
{
    private string? _current;

    public void Stage(string stage, string detail)
    {
        if (_current is not null)
        {
            console.MarkupLine($"[green]done[/] {Markup.Escape(_current)}");
        }
        _current = stage;
        status.Status($"{Markup.Escape(stage)}: {Markup.Escape(detail)}");
    }

    public void Info(string line) => console.MarkupLine(Markup.Escape(line));

    public void Warning(string line) => console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(line));

    /// <summary>Runs <paramref name="body"/> under a live display on stderr, or with plain lines when stderr is not a terminal.</summary>
    public static async Task<T> RunAsync<T>(Func<ISlimProgress, Task<T>> body)
    {
        if (Console.IsErrorRedirected)
        {
            return await body(new PlainProgress(Console.Error)).ConfigureAwait(false);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync("starting", async ctx =>
        {
            var live = new LiveProgress(console, ctx);
            var result = await body(live).ConfigureAwait(false);
            live.Stage("finished", "");
            return result;
        }).ConfigureAwait(false);
    }
}
