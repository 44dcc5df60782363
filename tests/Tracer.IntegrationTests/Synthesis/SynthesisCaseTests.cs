using System.Formats.Tar;
using Tracer.Docker;
using Tracer.Synthesis.Rules;
using Tracer.Synthesis.Tree;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Synthesis;

/// <summary>CASES.md 2, 6, 8, 9, 12, 13, 14, 15 on one small app image, plus "it starts".</summary>
public sealed class SynthesisCaseTests(AppImageFixture app) : IClassFixture<AppImageFixture>
{
    [RequiresFact(Requirement.Docker)]
    public async Task MinimalImage_RunsTheFunction_OutputEqualsOriginal()
    {
        var original = await app.RunAsync(app.SourceId);
        var minimal = await app.RunAsync(app.Tag);
        Assert.Equal((0L, "hello world arg1 in /app\nread data\ntool-ok\n"), (original.Code, original.Stdout));
        Assert.Equal((original.Code, original.Stdout, original.Stderr), minimal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case2_SymlinkedNames_KeptAsLinks()
    {
        var tree = await LoadedTreeAsync();
        Assert.Equal(("usr/bin", TreeEntryType.Symlink), (tree.Get("/bin")!.LinkTarget, tree.Get("/bin")!.Type));
        Assert.Equal("usr/lib64", tree.Get("/lib64")!.LinkTarget);
        Assert.Equal("usr/lib", tree.Get("/lib")!.LinkTarget);
        Assert.Equal("dash", tree.Get("/usr/bin/sh")!.LinkTarget);
        Assert.Equal("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", tree.Get("/usr/lib64/ld-linux-x86-64.so.2")!.LinkTarget);
        Assert.Equal(ElfRule.RuleName, Rule("/usr/lib/x86_64-linux-gnu/libc.so.6"));
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case6_UserAndOwnership_IdenticalToOriginal()
    {
        var minimal = await LoadedTreeAsync();
        using var source = await SavedImageAsync(app.SourceId);
        foreach (var kept in app.First.Kept.Where(static k => k.Rule != UserRule.RuleName
            && k.Rule != PackageMetadataRule.RuleName && k.Path != TmpRule.TmpPath))
        {
            var a = source.Tree.Get(kept.Path)!;
            var b = minimal.Get(kept.Path)!;
            Assert.Equal((kept.Path, a.Type, a.Mode, a.Uid, a.Gid, a.ModificationTime, a.LinkTarget),
                (kept.Path, b.Type, b.Mode, b.Uid, b.Gid, b.ModificationTime, b.LinkTarget));
        }
        Assert.Equal(0b010_111_111_101, minimal.Get("/app")!.Mode);
        Assert.Equal(0b1_111_111_111, minimal.Get("/app/shared")!.Mode);
        Assert.Equal(0b1_111_111_111, minimal.Get("/tmp")!.Mode);
        Assert.Equal("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n", await ReadAsync(minimal, "/etc/passwd"));
        Assert.Equal("root:x:0:\napp:x:1000:\n", await ReadAsync(minimal, "/etc/group"));
        var whoami = await app.RunAsync(app.Tag, ["x"]);
        Assert.Equal(0L, whoami.Code);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case8_Config_CarriedOver()
    {
        var original = (await app.Engine.InspectImageAsync(app.SourceId, CancellationToken.None)).Config!;
        var minimal = (await app.Engine.InspectImageAsync(app.Tag, CancellationToken.None)).Config!;
        Assert.Equal(original.Entrypoint, minimal.Entrypoint);
        Assert.Equal(original.Cmd, minimal.Cmd);
        Assert.Equal(original.Env, minimal.Env);
        Assert.Equal(original.WorkingDir, minimal.WorkingDir);
        Assert.Equal(original.User, minimal.User);
        Assert.Equal(original.ExposedPorts!.Keys, minimal.ExposedPorts!.Keys);
        Assert.Equal(original.Volumes!.Keys, minimal.Volumes!.Keys);
        Assert.Equal(original.StopSignal, minimal.StopSignal);
        Assert.Equal(original.Healthcheck!.Test, minimal.Healthcheck!.Test);
        Assert.Equal(original.Healthcheck!.Interval, minimal.Healthcheck!.Interval);
        Assert.Equal(original.Healthcheck!.Retries, minimal.Healthcheck!.Retries);
        Assert.Equal("demo", minimal.Labels!["org.example.function"]);
        Assert.Equal(app.SourceId, minimal.Labels![DockerLabels.SourceImage]);
        Assert.Equal(TracerVersion.Current, minimal.Labels![DockerLabels.Version]);
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(app.FirstDir, "Dockerfile"));
        Assert.Contains("ENTRYPOINT [\"/app/run.sh\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD test -d /app", dockerfile, StringComparison.Ordinal);
        Assert.Contains("STOPSIGNAL SIGINT", dockerfile, StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case9_RuntimeFilesGateAndVolumes_NeverCopied()
    {
        var tree = await LoadedTreeAsync();
        foreach (var path in new[] { "/etc/hosts", "/etc/resolv.conf", "/etc/hostname", "/.tracer", "/data", "/data/seed", "/proc", "/dev" })
        {
            Assert.Null(tree.Get(path));
        }
        Assert.Empty(app.First.Missing);
        Assert.Equal("runtime", app.First.Excluded["/etc/hosts"]);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case12_DpkgStatus_ExactlyTheOwningPackages()
    {
        var tree = await LoadedTreeAsync();
        Assert.Equal(["dash", "libc6"], app.First.Packages);
        Assert.Equal(["/var/lib/dpkg/status.d/dash", "/var/lib/dpkg/status.d/libc6"],
            tree.Children("/var/lib/dpkg/status.d").Order(StringComparer.Ordinal));
        Assert.Equal(["/var/lib/dpkg/status.d"], tree.Children("/var/lib/dpkg"));
        var dash = await ReadAsync(tree, "/var/lib/dpkg/status.d/dash");
        Assert.StartsWith("Package: dash\nStatus: install ok installed\n", dash, StringComparison.Ordinal);
        Assert.DoesNotContain("Conffiles", dash, StringComparison.Ordinal);
        Assert.Contains("Source: glibc\nVersion: 2.36-9\n", await ReadAsync(tree, "/var/lib/dpkg/status.d/libc6"), StringComparison.Ordinal);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case13_CreatedFile_NotInImageItsDirectoryIs()
    {
        var tree = await LoadedTreeAsync();
        Assert.Equal(TreeEntryType.Directory, tree.Get("/app/cache")!.Type);
        Assert.Null(tree.Get("/app/cache/out.txt"));
        Assert.Null(tree.Get("/app/notes.txt"));
        Assert.Null(tree.Get("/usr/bin/unused"));
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case14_HardLinks_OneInodeTwoNames()
    {
        using var reader = new TarReader(File.OpenRead(app.First.LayerPath));
        var entries = new List<TarEntry>();
        while (await reader.GetNextEntryAsync() is { } e)
        {
            entries.Add(e);
        }
        Assert.Equal(TarEntryType.RegularFile, entries.Single(static e => e.Name == "app/bin/tool").EntryType);
        var alias = entries.Single(static e => e.Name == "app/bin/tool-alias");
        Assert.Equal((TarEntryType.HardLink, "app/bin/tool"), (alias.EntryType, alias.LinkName));
        var tree = await LoadedTreeAsync();
        Assert.Equal(tree.Get("/app/bin/tool")!.Inode, tree.Get("/app/bin/tool-alias")!.Inode);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Case15_SynthesizedTwice_SameLayerBytesAndImageId()
    {
        Assert.Equal(app.First.ImageId, app.Second.ImageId);
        Assert.Equal(await File.ReadAllBytesAsync(app.First.LayerPath), await File.ReadAllBytesAsync(app.Second.LayerPath));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(app.FirstDir, "kept.txt")),
            await File.ReadAllTextAsync(Path.Combine(app.SecondDir, "kept.txt")));
        var inspect = await app.Engine.InspectImageAsync(app.Tag, CancellationToken.None);
        Assert.Equal(app.First.ImageId, inspect.ID);
    }

    [RequiresFact(Requirement.Docker)]
    public async Task Synthesize_TraceOfAnotherImage_RefusedUnlessForced()
    {
        var dir = Path.Combine(Path.GetDirectoryName(app.TracePath)!, "..", "other");
        var text = (await File.ReadAllTextAsync(app.TracePath)).Replace(app.SourceId, "sha256:" + new string('0', 64), StringComparison.Ordinal);
        Directory.CreateDirectory(dir);
        var other = Path.Combine(dir, "trace.json");
        await File.WriteAllTextAsync(other, text);
        var e = await Assert.ThrowsAsync<TracerException>(() => app.SynthesizeAsync(Path.Combine(dir, "out"), trace: other));
        Assert.Equal(ErrorCategory.Usage, e.Category);
        var forced = await app.SynthesizeAsync(Path.Combine(dir, "out"), force: true, trace: other);
        Assert.Equal(app.First.ImageId, forced.ImageId);
    }

    private string Rule(string path) => app.First.Kept.Single(k => k.Path == path).Rule;

    private async Task<ImageTree> LoadedTreeAsync() => (await SavedImageAsync(app.Tag)).Tree;

    private async Task<SavedImage> SavedImageAsync(string image)
    {
        using var save = await app.Engine.SaveImageAsync(image, CancellationToken.None);
        return await SavedImage.SpoolAsync(save, Path.GetTempPath(), CancellationToken.None);
    }

    private static async Task<string> ReadAsync(ImageTree tree, string path)
    {
        using var stream = tree.Content.Open(tree.Get(path)!);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
