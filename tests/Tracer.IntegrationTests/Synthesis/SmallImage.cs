using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Tracer.Docker;
using Tracer.Synthesis.Output;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Synthesis;

/// <summary>
/// A small image written entry by entry (System.Formats.Tar) and loaded as a docker-load
/// archive, so each test controls modes, owners, links and config exactly. Binaries come from
/// this host (dash and glibc), which is usrmerged Debian like the images users ship.
/// </summary>
internal sealed class SmallImage
{
    public static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly List<(string Name, TarEntryType Type, int Mode, int Uid, int Gid, string? Link, byte[]? Data)> _entries = [];

    public JsonObject Config { get; } = new() { ["Labels"] = new JsonObject { [DockerLabels.TestRun] = TestRun.Id } };

    public SmallImage Dir(string path, int mode = 0b111_101_101, int uid = 0, int gid = 0) =>
        Add(path, TarEntryType.Directory, mode, uid, gid, null, null);

    public SmallImage File(string path, string text, int mode = 0b110_100_100, int uid = 0, int gid = 0) =>
        Add(path, TarEntryType.RegularFile, mode, uid, gid, null, Encoding.UTF8.GetBytes(text));

    public SmallImage HostFile(string path, string hostPath, int mode = 0b111_101_101) =>
        Add(path, TarEntryType.RegularFile, mode, 0, 0, null, System.IO.File.ReadAllBytes(hostPath));

    public SmallImage Link(string path, string target) =>
        Add(path, TarEntryType.SymbolicLink, 0b111_111_111, 0, 0, target, null);

    public SmallImage HardLink(string path, string target) =>
        Add(path, TarEntryType.HardLink, 0b111_101_101, 0, 0, target.TrimStart('/'), null);

    /// <summary>usrmerge links, dash as /bin/sh, glibc and its loader, taken from the host.</summary>
    public SmallImage WithHostShell()
    {
        Dir("/usr").Dir("/usr/bin").Dir("/usr/lib").Dir("/usr/lib/x86_64-linux-gnu").Dir("/usr/lib64")
            .Link("/bin", "usr/bin").Link("/lib", "usr/lib").Link("/lib64", "usr/lib64")
            .HostFile("/usr/bin/dash", "/usr/bin/dash").Link("/usr/bin/sh", "dash")
            .HostFile("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6")
            .HostFile("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
            .Link("/usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
            .Dir("/etc").File("/etc/hosts", "127.0.0.1 image-hosts\n").File("/etc/resolv.conf", "nameserver 9.9.9.9\n")
            .File("/etc/hostname", "image\n")
            .Dir("/proc").Dir("/sys").Dir("/dev").Dir("/tmp", 0b1_111_111_111);
        Config["Env"] = new JsonArray("PATH=/usr/bin:/bin");
        return this;
    }

    /// <summary>Loads the image; returns its id. The caller removes it (see <see cref="SynthesisFixture"/>).</summary>
    public async Task<string> LoadAsync(DockerEngine engine, string directory)
    {
        Directory.CreateDirectory(directory);
        var layer = Path.Combine(directory, "source-layer.tar");
        using (var stream = System.IO.File.Create(layer))
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar))
        {
            foreach (var (name, type, mode, uid, gid, link, data) in _entries)
            {
                var entry = new UstarTarEntry(type, name)
                {
                    Mode = (UnixFileMode)mode,
                    Uid = uid,
                    Gid = gid,
                    ModificationTime = Time,
                };
                if (link is not null)
                {
                    entry.LinkName = link;
                }
                if (data is not null)
                {
                    entry.DataStream = new MemoryStream(data);
                }
                writer.WriteEntry(entry);
            }
        }
        string diffId;
        using (var stream = System.IO.File.OpenRead(layer))
        {
            diffId = ImageConfigBuilder.Digest(stream);
        }
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["config"] = Config.DeepClone(),
            ["created"] = "2023-11-14T22:13:20Z",
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
        };
        var bytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var id = ImageConfigBuilder.Digest(bytes);
        using var archive = new MemoryStream();
        LoadArchiveWriter.Write(archive, bytes, id, layer, diffId, Time);
        archive.Position = 0;
        await engine.LoadImageAsync(archive, CancellationToken.None);
        return id;
    }

    private SmallImage Add(string path, TarEntryType type, int mode, int uid, int gid, string? link, byte[]? data)
    {
        _entries.Add((path.TrimStart('/') + (type == TarEntryType.Directory ? "/" : ""), type, mode, uid, gid, link, data));
        return this;
    }
}
