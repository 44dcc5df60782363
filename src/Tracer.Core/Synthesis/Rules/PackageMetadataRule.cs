using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// For each Debian package that still owns a kept file (per /var/lib/dpkg/info/*.list), a
/// trimmed /var/lib/dpkg/status.d/&lt;package&gt; record; the rest of dpkg's database is not
/// copied (see <see cref="ClosureContext.IsRuntimePath"/>).
/// </summary>
public sealed class PackageMetadataRule : ClosureRule
{
    public const string RuleName = "package-metadata";
    public const string InfoDirectory = "/var/lib/dpkg/info";
    public const string StatusFile = "/var/lib/dpkg/status";
    public const string StatusDirectory = "/var/lib/dpkg/status.d";
    private const int FileMode = 0b110_100_100;
    private const int DirectoryMode = 0b111_101_101;

    public override string Name => RuleName;

    public override void Finish(ClosureContext context)
    {
        var owners = Owners(context);
        if (owners.Count == 0 || context.ReadFile(StatusFile) is not { } status)
        {
            return;
        }
        var stanzas = DpkgStatus.Parse(Encoding.UTF8.GetString(status));
        var time = context.Input.Created;
        context.AddSynthetic(new SyntheticFile(new TreeEntry
        {
            Path = StatusDirectory,
            Type = TreeEntryType.Directory,
            Mode = DirectoryMode,
            ModificationTime = time,
        }, []), Name);
        foreach (var package in owners)
        {
            if (!stanzas.TryGetValue(package, out var stanza))
            {
                context.Warn($"package-metadata: '{package}' owns kept files but has no status entry");
                continue;
            }
            var data = Encoding.UTF8.GetBytes(DpkgStatus.Trim(stanza));
            context.AddSynthetic(new SyntheticFile(new TreeEntry
            {
                Path = StatusDirectory + "/" + package,
                Type = TreeEntryType.File,
                Mode = FileMode,
                ModificationTime = time,
                Size = data.Length,
            }, data), Name);
            context.Packages.Add(package);
        }
    }

    /// <summary>Packages whose .list names a kept non-directory. dpkg lists the names it
    /// unpacked (/bin/ls under usrmerge), so each is resolved through the image's links.</summary>
    private static SortedSet<string> Owners(ClosureContext context)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        var info = context.Tree.Resolve(InfoDirectory, followFinal: true);
        if (info is null)
        {
            return owners;
        }
        foreach (var list in context.Tree.Children(info).Where(static c => c.EndsWith(".list", StringComparison.Ordinal)))
        {
            var name = TreePath.Name(list)[..^".list".Length];
            var package = name.Split(':')[0];
            if (owners.Contains(package) || context.ReadFile(list) is not { } bytes)
            {
                continue;
            }
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var real = context.Tree.Resolve(line, followFinal: false);
                if (real is not null && context.IsKept(real) && !IsDirectory(context, real))
                {
                    owners.Add(package);
                    break;
                }
            }
        }
        return owners;
    }

    /// <summary>Directories, and links to directories (usrmerge /lib), are shared by many
    /// packages and own nothing by themselves.</summary>
    private static bool IsDirectory(ClosureContext context, string real)
    {
        var entry = context.Tree.Get(real);
        if (entry?.Type == TreeEntryType.Symlink && context.Tree.Resolve(real, followFinal: true) is { } target)
        {
            entry = context.Tree.Get(target);
        }
        return entry?.Type == TreeEntryType.Directory;
    }
}
