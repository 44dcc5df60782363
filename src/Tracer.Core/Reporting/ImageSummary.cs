namespace Tracer.Reporting;

/// <summary>The before/after figures of one image. <paramref name="Files"/> and
/// <paramref name="Packages"/> are null when the run stopped before listing the image (a probe
/// failed on the original).</summary>
public sealed record ImageSummary(string Image, string Id, long SizeBytes, int? Files, int? Packages)
{
    public static ImageSummary Of(ImageInventory inventory) =>
        new(inventory.Image, inventory.Id, inventory.SizeBytes, inventory.FileCount, inventory.Packages.Count);
}
