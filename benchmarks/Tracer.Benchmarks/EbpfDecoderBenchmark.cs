using BenchmarkDotNet.Attributes;
using Tracer.Tracing;
using Tracer.Tracing.Ebpf;

namespace Tracer.Benchmarks;

/// <summary>
/// eBPF record decoding on a real loader capture (tests/…/EbpfLogs, an import-heavy Python
/// run with a few child processes): one operation is one pass over the capture; decoder,
/// interned paths and sink stay warm across iterations.
/// </summary>
[MemoryDiagnoser]
public class EbpfDecoderBenchmark
{
    private byte[] _capture = [];
    private EbpfDecoder _decoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _capture = File.ReadAllBytes(Path.Combine(TestLogs.Directory("EbpfLogs"), "py-import.bin"));
        // The capture's root pid is the first exec's; any pid works once the root has exec'd.
        _decoder = new EbpfDecoder(new AccessAccumulator(), rootPid: 0, initialCwd: "/tmp");
        _decoder.Decode(_capture);
    }

    /// <summary>One pass: records/s = <see cref="Records"/> / mean.</summary>
    [Benchmark]
    public int DecodeCapture() => _decoder.Decode(_capture);

    public long Records => _decoder.Records;
}
