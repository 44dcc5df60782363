namespace Tracer.Tracing;

/// <summary>
/// Paths never recorded: kernel file systems, the gate's mount and the files the container
/// runtime injects. Bind-mount targets are excluded too and reported separately.
/// </summary>
public sealed class PathFilter
{
    /// <summary>Directory trees that are never part of an image.</summary>
    public static readonly IReadOnlyList<string> ExcludedTrees = ["/proc", "/sys", "/dev", "/.tracer"];

    /// <summary>Files Docker bind-mounts into every container.</summary>
    public static readonly IReadOnlyList<string> RuntimeFiles = ["/etc/hosts", "/etc/resolv.conf", "/etc/hostname"];

    private readonly string[] _trees;

    public PathFilter(IEnumerable<string>? bindMountTargets = null)
    {
        BindMounts = (bindMountTargets ?? []).Select(static t => t.TrimEnd('/')).Where(static t => t.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _trees = [.. ExcludedTrees, .. BindMounts];
    }

    /// <summary>Bind-mount targets (container side) given to this filter.</summary>
    public IReadOnlyList<string> BindMounts { get; }

    public bool IsExcluded(string path)
    {
        foreach (var tree in _trees)
        {
            if (path.StartsWith(tree, StringComparison.Ordinal)
                && (path.Length == tree.Length || path[tree.Length] == '/'))
            {
                return true;
            }
        }
        foreach (var file in RuntimeFiles)
        {
            if (string.Equals(path, file, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
