namespace Tracer.Tracing;

/// <summary>Joins a directory and a path and normalises it lexically (".", "..", "//").</summary>
internal static class PathJoin
{
    /// <summary>Writes the absolute form of <paramref name="path"/> (relative to
    /// <paramref name="directory"/> unless it starts with '/') into <paramref name="output"/>;
    /// returns the length, or -1 when it does not fit.</summary>
    // Limitation: ".." is resolved lexically; "link/.." where link is a directory symlink
    // names the lexical parent, not the physical one the kernel used.
    public static int Combine(ReadOnlySpan<char> directory, ReadOnlySpan<char> path, Span<char> output)
    {
        var n = 0;
        if (path.Length == 0 || path[0] != '/')
        {
            if (!Append(directory, output, ref n))
            {
                return -1;
            }
        }
        if (!Append(path, output, ref n))
        {
            return -1;
        }
        return n == 0 ? Root(output) : n;
    }

    private static bool Append(ReadOnlySpan<char> path, Span<char> output, ref int n)
    {
        var i = 0;
        while (i < path.Length)
        {
            while (i < path.Length && path[i] == '/')
            {
                i++;
            }
            var start = i;
            while (i < path.Length && path[i] != '/')
            {
                i++;
            }
            var part = path[start..i];
            if (part.Length == 0 || part is ".")
            {
                continue;
            }
            if (part is "..")
            {
                var slash = output[..n].LastIndexOf('/');
                n = slash < 0 ? 0 : slash;
                continue;
            }
            if (n + 1 + part.Length > output.Length)
            {
                return false;
            }
            output[n++] = '/';
            part.CopyTo(output[n..]);
            n += part.Length;
        }
        return true;
    }

    private static int Root(Span<char> output)
    {
        if (output.Length == 0)
        {
            return -1;
        }
        output[0] = '/';
        return 1;
    }
}
