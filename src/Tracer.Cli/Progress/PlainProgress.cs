using System.Diagnostics;
using Tracer.Harness;

namespace Tracer.Cli.Progress;

/// <summary>Progress as plain lines on stderr, with the time since start: for logs and pipes.</summary>
public sealed class PlainProgress(TextWriter stderr) : ISlimProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Stage(string stage, string detail) => Info($"{stage}: {detail}");

    public void Info(string line) => stderr.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {line}");

    public void Warning(string line) => stderr.WriteLine("warning: " + line);
}
