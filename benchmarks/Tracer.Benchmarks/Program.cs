using BenchmarkDotNet.Running;

namespace Tracer.Benchmarks;

/// <summary>Entry point: `./build.sh bench` passes its arguments to the switcher.</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
