using BenchmarkDotNet.Running;

namespace Tracer.Benchmarks;

/// <summary>Entry point: `./build.sh bench` passes its arguments to the switcher.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [SynthesisMeasurement.Verb, ..])
        {
            return await SynthesisMeasurement.RunAsync(args);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
