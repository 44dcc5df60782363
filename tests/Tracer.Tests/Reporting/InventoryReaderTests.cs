using System.Formats.Tar;
using System.Text;
using Tracer.Reporting;

namespace Tracer.Tests.Reporting;

public sealed class InventoryReaderTests
{
    [Fact]
    public async Task ReadTar_ExportedTree_EntriesAndInstalledPackages()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "usr/"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin") { LinkName = "usr/bin" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "usr/bin/su")
            {
                Mode = (UnixFileMode)0x9ED,
            });
            var status = "Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: deinstall ok config-files\n\n"
                + "Package: c\nStatus: install ok installed\n";
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "var/lib/dpkg/status")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(status)),
            });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "var/lib/dpkg/status.d/zlib1g:amd64")
            {
                DataStream = new MemoryStream([]),
            });
        }
        tar.Position = 0;
        var (entries, packages) = await InventoryReader.ReadTarAsync(tar, CancellationToken.None);
        Assert.Equal(["a", "c", "zlib1g"], packages);
        Assert.Equal("usr/bin", entries["/bin"].LinkTarget);
        Assert.True(entries["/usr/bin/su"].IsSetId);
        Assert.Equal(InventoryEntryType.Directory, entries["/usr"].Type);
    }
}
