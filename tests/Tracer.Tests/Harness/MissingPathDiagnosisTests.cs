using Tracer.Harness;
using Tracer.Tests.Reporting;
using Tracer.Tracing;

namespace Tracer.Tests.Harness;

public sealed class MissingPathDiagnosisTests
{
    [Fact]
    public void Find_LookupsOnMinimal_OnlyThoseInOriginalAndNotMinimal()
    {
        var original = new InventoryBuilder("o").Link("/lib", "usr/lib").File("/usr/lib/python3.11/os.py")
            .File("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc").File("/usr/bin/python3.11").Build();
        var minimal = new InventoryBuilder("m").Link("/lib", "usr/lib")
            .File("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc").File("/usr/bin/python3.11").Build();
        var trace = new AccessSet();
        trace.Add("/lib/python3.11/os.py", AccessKind.Missing, 1, "python3");
        trace.Add("/usr/lib/python3.11/__pycache__/os.cpython-311.pyc", AccessKind.Open, 1, "python3");
        trace.Add("/usr/lib/python3.11/nothere.py", AccessKind.Missing, 1, "python3");
        trace.Add("/proc/self/maps", AccessKind.Open, 1, "python3");
        Assert.Equal(["/lib/python3.11/os.py"], MissingPathDiagnosis.Find(trace, original, minimal));
    }

    [Fact]
    public void Find_FileToBeCreatedInDirectoryMinimalLacks_NamesTheDirectory()
    {
        var original = new InventoryBuilder("o").File("/var/cache/app/seed").Build();
        var minimal = new InventoryBuilder("m").File("/var/cache/seed").Build();
        var trace = new AccessSet();
        trace.Add("/var/cache/app/cache.txt", AccessKind.Missing, 1, "sh");
        trace.Add("/var/cache/other/x", AccessKind.Missing, 1, "sh");
        Assert.Equal(["/var/cache/app"], MissingPathDiagnosis.Find(trace, original, minimal));
    }
}
