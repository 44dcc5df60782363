using Tracer.Tracing;

namespace Tracer.IntegrationTests.Tracing;

/// <summary>What every backend's trace of py-report must hold (the trace issue's "done when").</summary>
internal static class PyReportTrace
{
    /// <summary>The python3 symlink name (executed) and its target, the os.py landmark and
    /// the .py beside each imported .pyc (both as stat); nothing of the gate, /proc or the
    /// runtime's /etc/hosts.</summary>
    public static void AssertPythonLookups(AccessSet set)
    {
        var allowed = set.AllowedPaths();
        Assert.True(set.TryGet("/usr/bin/python3", out var link) && link.Kinds.HasFlag(AccessKind.Exec));
        Assert.Contains("/usr/bin/python3.11", allowed);
        Assert.True(set.TryGet("/usr/lib/python3.11/os.py", out var os) && os.Kinds.HasFlag(AccessKind.Stat));
        var pycs = allowed.Where(static p => p.EndsWith(".cpython-311.pyc", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pycs);
        foreach (var pyc in pycs)
        {
            var dir = Path.GetDirectoryName(Path.GetDirectoryName(pyc))!;
            var module = Path.GetFileName(pyc)[..^".cpython-311.pyc".Length];
            var source = $"{dir}/{module}.py";
            Assert.True(set.TryGet(source, out var py) && py.Kinds.HasFlag(AccessKind.Stat), $"{source} beside {pyc}");
        }
        Assert.DoesNotContain(allowed, static p => p.StartsWith("/.tracer", StringComparison.Ordinal)
            || p.StartsWith("/proc/", StringComparison.Ordinal) || p == "/etc/hosts");
    }
}
