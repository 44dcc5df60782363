using System.Text;
using Tracer.Synthesis;
using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Tests.Synthesis;

/// <summary>An in-memory image tree for closure tests: contents are byte arrays or host files.</summary>
internal sealed class TestTree : IContentStore
{
    public static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly List<Func<Stream>> _contents = [];
    private long _inode;

    public TestTree()
    {
        Tree = new ImageTree(this);
        Dir("/", 0b111_101_101);
    }

    public ImageTree Tree { get; }

    public Stream Open(TreeEntry entry) => _contents[(int)entry.ContentOffset]();

    public TestTree Dir(string path, int mode = 0b111_101_101, int uid = 0, int gid = 0)
    {
        Tree.Set(new TreeEntry { Path = path, Type = TreeEntryType.Directory, Mode = mode, Uid = uid, Gid = gid, ModificationTime = Time });
        return this;
    }

    public TestTree File(string path, string text = "x", int mode = 0b110_100_100, int uid = 0, int gid = 0) =>
        File(path, Encoding.UTF8.GetBytes(text), mode, uid, gid);

    public TestTree File(string path, byte[] data, int mode = 0b110_100_100, int uid = 0, int gid = 0)
    {
        _contents.Add(() => new MemoryStream(data, writable: false));
        return Add(path, data.Length, mode, uid, gid);
    }

    /// <summary>A file whose content is read from the host (real ELF binaries, ld.so.cache).</summary>
    public TestTree HostFile(string path, string hostPath)
    {
        _contents.Add(() => System.IO.File.OpenRead(hostPath));
        return Add(path, new FileInfo(hostPath).Length, 0b111_101_101, 0, 0);
    }

    public TestTree Link(string path, string target)
    {
        Tree.Set(new TreeEntry { Path = path, Type = TreeEntryType.Symlink, LinkTarget = target, Mode = 0b111_111_111, ModificationTime = Time });
        return this;
    }

    public TestTree HardLink(string path, string target)
    {
        Tree.Set(Tree.Get(target)! with { Path = path });
        return this;
    }

    /// <summary>Directories for every ancestor of the paths added so far that lacks one.</summary>
    public TestTree WithParents()
    {
        foreach (var entry in Tree.Entries.ToList())
        {
            foreach (var ancestor in TreePath.Ancestors(entry.Path))
            {
                if (Tree.Get(ancestor) is null)
                {
                    Dir(ancestor);
                }
            }
        }
        return this;
    }

    public static AccessSet Accesses(params (string Path, AccessKind Kind)[] records)
    {
        var set = new AccessSet();
        foreach (var (path, kind) in records)
        {
            set.Add(path, kind, 1, "test");
        }
        return set;
    }

    public ClosureContext Close(AccessSet accesses, string user = "", IReadOnlyList<string>? binds = null,
        string[]? includes = null, string[]? excludes = null, string[]? runAs = null) =>
        Closure.Run(new ClosureInput
        {
            Tree = Tree,
            Accesses = accesses,
            User = user,
            RunAs = runAs ?? [],
            BindMounts = binds ?? [],
            Created = Time,
            Includes = (includes ?? []).Select(static g => new Glob(g)).ToList(),
            Excludes = (excludes ?? []).Select(static g => new Glob(g)).ToList(),
        });

    private TestTree Add(string path, long size, int mode, int uid, int gid)
    {
        Tree.Set(new TreeEntry
        {
            Path = path,
            Type = TreeEntryType.File,
            Mode = mode,
            Uid = uid,
            Gid = gid,
            Size = size,
            Inode = ++_inode,
            ContentOffset = _contents.Count - 1,
            ModificationTime = Time,
        });
        return this;
    }
}
