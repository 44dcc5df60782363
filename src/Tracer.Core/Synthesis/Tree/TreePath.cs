namespace Tracer.Synthesis.Tree;

/// <summary>Lexical helpers for the absolute, slash-separated paths of an image tree.</summary>
public static class TreePath
{
    public const string Root = "/";

    /// <summary>
    /// "./usr/bin/" and "usr//bin" become "/usr/bin". Dots are dropped; ".." is left to
    /// <see cref="ImageTree.Resolve"/>, which must walk it through symlinks.
    /// </summary>
    public static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = parts.Where(static p => p != ".");
        var joined = string.Join('/', kept);
        return joined.Length == 0 ? Root : "/" + joined;
    }

    /// <summary>The parent of a normalised path; the root's parent is the root.</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? Root : path[..slash];
    }

    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Join(string directory, string name) =>
        directory == Root ? "/" + name : directory + "/" + name;

    /// <summary>Every ancestor of <paramref name="path"/>, nearest first, ending with "/".</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        while (path != Root)
        {
            path = Parent(path);
            yield return path;
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsUnder(string path, string directory) =>
        directory == Root
        || path == directory
        || (path.StartsWith(directory, StringComparison.Ordinal) && path[directory.Length] == '/');
}
