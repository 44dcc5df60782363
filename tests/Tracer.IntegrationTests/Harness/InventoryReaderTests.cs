using Tracer.IntegrationTests.Infrastructure;
using Tracer.Reporting;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Harness;

public sealed class InventoryReaderTests
{
    [RequiresFact(Requirement.Docker)]
    public async Task Read_FixtureImage_ListsTreeAndPackages()
    {
        var image = await FixtureImages.EnsureAsync("py-report");
        await using var fx = new HarnessFixture();
        var inventory = await InventoryReader.ReadAsync(fx.Engine, image, fx.Labels, CancellationToken.None);
        Assert.Contains("python3", inventory.Packages);
        Assert.Contains("tzdata", inventory.Packages);
        Assert.Equal("/usr/bin/python3.11", inventory.Resolve("/bin/python3"));
        Assert.True(inventory.FileCount > 1000);
        Assert.Contains(inventory.Entries.Values, static e => e.IsSetId);
    }
}
