namespace Tracer.Tracing.Strace;

/// <summary>Reads the pieces of one argument or result: quoted strings, fds, annotations.</summary>
internal static class StraceValue
{
    /// <summary>The text between the quotes of a string argument; false for a pointer, NULL or a
    /// truncated string ("..."... after -s ran out).</summary>
    public static bool TryString(ReadOnlySpan<byte> arg, out ReadOnlySpan<byte> raw, out bool truncated)
    {
        raw = default;
        truncated = false;
        if (arg.Length < 2 || arg[0] != '"')
        {
            return false;
        }
        var end = ClosingQuote(arg);
        if (end < 0)
        {
            return false;
        }
        raw = arg[1..end];
        truncated = arg[(end + 1)..].StartsWith("..."u8);
        return !truncated;
    }

    /// <summary>Splits "3&lt;/path&gt;" or "AT_FDCWD&lt;/cwd&gt;" into the fd and the annotation
    /// (escaped, without brackets). <paramref name="fd"/> is AtFdCwd for AT_FDCWD.</summary>
    public static bool TryFd(ReadOnlySpan<byte> arg, out int fd, out ReadOnlySpan<byte> annotation)
    {
        annotation = default;
        var lt = arg.IndexOf((byte)'<');
        var head = lt < 0 ? arg : arg[..lt];
        if (lt >= 0 && arg.Length > lt + 1 && arg[^1] == '>')
        {
            annotation = arg[(lt + 1)..^1];
        }
        if (head.SequenceEqual("AT_FDCWD"u8))
        {
            fd = AtFdCwd;
            return true;
        }
        return TryInt(head, out fd);
    }

    public const int AtFdCwd = PathResolver.AtFdCwd;

    public static bool TryInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }
        if (text.Length == 0 || text.Length > 9)
        {
            return false;
        }
        foreach (var b in text)
        {
            if (b < '0' || b > '9')
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        value = negative ? -value : value;
        return true;
    }

    private static int ClosingQuote(ReadOnlySpan<byte> arg)
    {
        for (var i = 1; i < arg.Length; i++)
        {
            if (arg[i] == '\\')
            {
                i++;
            }
            else if (arg[i] == '"')
            {
                return i;
            }
        }
        return -1;
    }
}
