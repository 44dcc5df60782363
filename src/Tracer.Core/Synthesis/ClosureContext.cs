using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis;

/// <summary>
/// The kept set while the closure runs: which rule kept each path, what is synthesized, what
/// was wanted but is missing or excluded. Paths are always the image's real paths; the
/// symlinks passed on the way to them are kept too (rule "symlink").
/// </summary>
public sealed class ClosureContext(ClosureInput input)
{
    /// <summary>Paths the container runtime provides or mounts: never copied by any rule.</summary>
    public static readonly IReadOnlyList<string> RuntimeDirectories = ["/proc", "/sys", "/dev", "/.tracer"];
    public static readonly IReadOnlyList<string> RuntimeFiles = ["/etc/hosts", "/etc/resolv.conf", "/etc/hostname"];
    /// <summary>dpkg's database is replaced by trimmed status.d records.</summary>
    public const string DpkgDirectory = "/var/lib/dpkg";

    private readonly Dictionary<string, string> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyntheticFile> _synthetic = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _excluded = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _missing = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly Queue<string> _pending = new();

    public ClosureInput Input { get; } = input;
    public ImageTree Tree => Input.Tree;
    public IReadOnlyDictionary<string, string> Kept => _kept;
    public IReadOnlyDictionary<string, SyntheticFile> Synthetic => _synthetic;
    /// <summary>Paths a rule wanted but an exclusion refused, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Excluded => _excluded;
    public IReadOnlySet<string> Missing => _missing;
    public IReadOnlyList<string> Warnings => _warnings;
    public List<string> Packages { get; } = [];

    public bool IsKept(string path) => _kept.ContainsKey(path);

    /// <summary>True for runtime-provided paths, bind-mount targets and dpkg's database.</summary>
    public bool IsRuntimePath(string path)
    {
        foreach (var dir in RuntimeDirectories)
        {
            if (TreePath.IsUnder(path, dir))
            {
                return true;
            }
        }
        foreach (var mount in Input.BindMounts)
        {
            if (TreePath.IsUnder(path, TreePath.Normalize(mount)))
            {
                return true;
            }
        }
        return RuntimeFiles.Contains(path)
            || (path != DpkgDirectory && TreePath.IsUnder(path, DpkgDirectory));
    }

    /// <summary>
    /// Keeps <paramref name="path"/> as the function would reach it: every symlink on the way
    /// (directory links like usrmerge /lib too) and the final real path.
    /// </summary>
    /// <returns>The real path kept, or null when it is missing, loops or is excluded.</returns>
    public string? Keep(string path, string rule, bool followFinal = true)
    {
        path = TreePath.Normalize(path);
        if (IsRuntimePath(path))
        {
            _excluded.TryAdd(path, "runtime");
            return null;
        }
        var links = new List<string>();
        var real = Tree.Resolve(path, followFinal, links);
        foreach (var link in links)
        {
            KeepReal(link, link == path ? rule : Rules.SymlinkRule.RuleName);
        }
        return real is not null && KeepReal(real, rule) ? real : null;
    }

    /// <summary>Keeps a path that is already real (no symlink in it). --exclude wins over
    /// every rule, --include too; only the parents of what is kept are exempt.</summary>
    public bool KeepReal(string path, string rule)
    {
        if (_kept.ContainsKey(path))
        {
            return true;
        }
        if (path == TreePath.Root)
        {
            return false;
        }
        if (IsRuntimePath(path))
        {
            _excluded.TryAdd(path, "runtime");
            return false;
        }
        if (rule != Rules.ParentRule.RuleName
            && Input.Excludes.FirstOrDefault(g => g.IsMatch(path)) is { } glob)
        {
            _excluded.TryAdd(path, "exclude " + glob.Pattern);
            return false;
        }
        _kept[path] = rule;
        _pending.Enqueue(path);
        return true;
    }

    /// <summary>Adds or replaces a path with content the synthesizer writes.</summary>
    public void AddSynthetic(SyntheticFile file, string rule)
    {
        _synthetic[file.Entry.Path] = file;
        if (_kept.TryAdd(file.Entry.Path, rule))
        {
            _pending.Enqueue(file.Entry.Path);
        }
        else
        {
            _kept[file.Entry.Path] = rule;
        }
    }

    public void ReportMissing(string path) => _missing.Add(path);

    public void Warn(string message) => _warnings.Add(message);

    public bool TryDequeue(out string path) => _pending.TryDequeue(out path!);

    /// <summary>The metadata to write for a kept path: synthesized, else the image's.</summary>
    public TreeEntry? EntryFor(string path) =>
        _synthetic.TryGetValue(path, out var s) ? s.Entry : Tree.Get(path);

    /// <summary>Reads a small file of the image fully (passwd, dpkg lists); null when absent.</summary>
    public byte[]? ReadFile(string path)
    {
        var real = Tree.Resolve(path, followFinal: true);
        if (real is null || Tree.Get(real) is not { Type: TreeEntryType.File } entry)
        {
            return null;
        }
        using var stream = Tree.Content.Open(entry);
        var bytes = new byte[entry.Size];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
