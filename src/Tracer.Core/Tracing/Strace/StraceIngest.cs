using System.Diagnostics;

namespace Tracer.Tracing.Strace;

/// <summary>Turns an existing strace log into a trace document (<c>tracer ingest-strace</c>).</summary>
public static class StraceIngest
{
    /// <param name="log">A log file, or the prefix of <c>-ff -o PREFIX</c> per-pid files.</param>
    /// <param name="initialCwd">Working directory of the first process, for logs without -y.</param>
    /// <param name="root">Where the traced files live, to read scripts' "#!" lines ("/" on the host).</param>
    public static (TraceDocument Document, StraceStats Stats) Run(string log, string? initialCwd, string? root)
    {
        var clock = Stopwatch.StartNew();
        var sink = new AccessAccumulator(new PathFilter());
        var shebang = root is null ? null : new ShebangReader(root);
        var parser = new StraceParser(sink, new StraceParserOptions
        {
            InitialCwd = initialCwd,
            ShebangInterpreter = shebang is null ? null : shebang.Interpreter,
        });
        StraceLog.Read(log, parser);
        var facts = new TraceFacts
        {
            Image = "",
            Backend = "strace",
            Events = new Dictionary<string, long> { ["strace"] = parser.Stats.Accesses },
            DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
        };
        if (parser.Stats.Syscalls == 0)
        {
            throw new TracerException("no strace lines found", log,
                "Give the output of 'strace -f -o FILE', or the PREFIX of 'strace -ff -o PREFIX'",
                ErrorCategory.Usage);
        }
        var accesses = TraceMerge.MarkCreated(sink.ToAccessSet(), parser.CreatedPaths);
        return (new TraceDocument(facts, accesses), parser.Stats);
    }
}
