using BenchmarkDotNet.Attributes;
using Tracer.Tracing;
using Tracer.Tracing.Strace;

namespace Tracer.Benchmarks;

/// <summary>
/// Strace parser throughput on real logs captured on this machine (tests/…/StraceLogs): one
/// operation is one pass over a log; the parser and its sink stay warm across iterations.
/// </summary>
[MemoryDiagnoser]
public class StraceParserBenchmark
{
    private byte[] _log = [];
    private int _lines;
    private StraceParser _parser = null!;

    [Params("py-y.log", "threads.log", "sh-cd.log")]
    public string Log { get; set; } = "";

    /// <summary>False drops the "+++ exited" lines, so each replay reuses the process states:
    /// what remains is the per-line cost. A new process costs its state (~0.6 KB) once.</summary>
    [Params(true, false)]
    public bool Exits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = File.ReadAllLines(Path.Combine(TestLogs.Directory("StraceLogs"), Log))
            .Where(l => Exits || !l.Contains("+++ exited", StringComparison.Ordinal));
        _log = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        _lines = _log.Count(static b => b == '\n');
        _parser = new StraceParser(new AccessAccumulator(), new StraceParserOptions { InitialCwd = "/tmp/st" });
        StraceLineReader.Lines(_log, _parser);
    }

    /// <summary>One pass over the whole log: lines/s = <see cref="Lines"/> / mean.</summary>
    [Benchmark]
    public int ParseLog() => StraceLineReader.Lines(_log, _parser);

    public int Lines => _lines;
}
