using Tracer.Tracing;

namespace Tracer.Tests.Tracing;

public sealed class PathFilterTests
{
    [Theory]
    [InlineData("/proc/self/maps", true)]
    [InlineData("/proc", true)]
    [InlineData("/procfs/x", false)]
    [InlineData("/dev/null", true)]
    [InlineData("/sys/fs", true)]
    [InlineData("/.tracer/release", true)]
    [InlineData("/etc/hosts", true)]
    [InlineData("/etc/hosts.allow", false)]
    [InlineData("/etc/resolv.conf", true)]
    [InlineData("/etc/hostname", true)]
    [InlineData("/data/in.csv", true)]
    [InlineData("/database", false)]
    [InlineData("/usr/bin/python3", false)]
    public void IsExcluded_KernelRuntimeAndBindPaths_AreExcluded(string path, bool excluded)
    {
        var filter = new PathFilter(["/data/"]);

        Assert.Equal(excluded, filter.IsExcluded(path));
        Assert.Equal(["/data"], filter.BindMounts);
    }
}
