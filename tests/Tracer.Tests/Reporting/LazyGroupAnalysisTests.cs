using Tracer.Reporting;
using Tracer.Tracing;

namespace Tracer.Tests.Reporting;

public sealed class LazyGroupAnalysisTests
{
    [Fact]
    public void Analyse_GroupsPresentButUntraced_ListedAsUntouched()
    {
        var original = new InventoryBuilder("orig")
            .File("/etc/ssl/certs/ca-certificates.crt").File("/usr/share/zoneinfo/Europe/Paris")
            .File("/usr/share/zoneinfo/UTC").File("/usr/lib/x86_64-linux-gnu/libnss_files.so.2")
            .File("/usr/lib/x86_64-linux-gnu/gconv/UTF-16.so").Build();
        var minimal = new InventoryBuilder("min").File("/usr/share/zoneinfo/Europe/Paris").Build();
        var trace = new AccessSet();
        trace.Add("/usr/share/zoneinfo/Europe/Paris", AccessKind.Open, 7, "python3");
        var groups = LazyGroupAnalysis.Analyse(original, minimal, trace);
        Assert.Equal(["TLS certificates", "timezone data", "gconv modules", "NSS modules"],
            groups.Select(static g => g.Name));
        var tz = groups.Single(static g => g.Name == "timezone data");
        Assert.True(tz.Touched);
        Assert.Equal((2, 1), (tz.FilesInOriginal, tz.FilesInMinimal));
        Assert.False(groups.Single(static g => g.Name == "TLS certificates").Touched);
    }

    [Fact]
    public void Analyse_GroupAbsentFromOriginal_NotListed()
    {
        var original = new InventoryBuilder("orig").File("/app/main").Build();
        Assert.Empty(LazyGroupAnalysis.Analyse(original, original, new AccessSet()));
    }
}
