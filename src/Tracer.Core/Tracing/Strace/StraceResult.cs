namespace Tracer.Tracing.Strace;

/// <summary>The part of a line after " = ": value, errno class and a -y annotation.</summary>
internal readonly ref struct StraceResult
{
    public readonly bool Known;
    public readonly long Value;
    public readonly LookupFailure Failure;
    public readonly ReadOnlySpan<byte> Annotation;

    private StraceResult(bool known, long value, LookupFailure failure, ReadOnlySpan<byte> annotation)
    {
        Known = known;
        Value = value;
        Failure = failure;
        Annotation = annotation;
    }

    public bool Ok => Known && Failure == LookupFailure.None;

    public static StraceResult Parse(ReadOnlySpan<byte> text)
    {
        var i = 0;
        var negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            i++;
        }
        long value = 0;
        var digits = 0;
        if (text.Length > i + 1 && text[i] == '0' && text[i + 1] == 'x')
        {
            // Hex results (mmap-style) do not name paths; only success matters.
            return new StraceResult(true, 0, LookupFailure.None, default);
        }
        while (i < text.Length && text[i] >= '0' && text[i] <= '9')
        {
            value = (value * 10) + (text[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0)
        {
            return default;
        }
        if (negative)
        {
            var name = text[i..].TrimStart((byte)' ');
            var space = name.IndexOf((byte)' ');
            return new StraceResult(true, -value, Classify(space < 0 ? name : name[..space]), default);
        }
        var annotation = default(ReadOnlySpan<byte>);
        if (i < text.Length && text[i] == '<')
        {
            for (var j = i + 1; j < text.Length; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                }
                else if (text[j] == '>' && (j + 1 == text.Length || text[j + 1] == ' '))
                {
                    annotation = text[(i + 1)..j];
                    break;
                }
            }
        }
        return new StraceResult(true, value, LookupFailure.None, annotation);
    }

    private static LookupFailure Classify(ReadOnlySpan<byte> errno)
    {
        if (errno.SequenceEqual("ENOENT"u8) || errno.SequenceEqual("ENOTDIR"u8)
            || errno.SequenceEqual("ELOOP"u8) || errno.SequenceEqual("ENAMETOOLONG"u8))
        {
            return LookupFailure.Missing;
        }
        if (errno.SequenceEqual("EACCES"u8) || errno.SequenceEqual("EPERM"u8) || errno.SequenceEqual("EROFS"u8))
        {
            return LookupFailure.Denied;
        }
        if (errno.SequenceEqual("ETXTBSY"u8) || errno.SequenceEqual("EEXIST"u8)
            || errno.SequenceEqual("EISDIR"u8) || errno.SequenceEqual("EBUSY"u8))
        {
            return LookupFailure.Exists;
        }
        return errno.SequenceEqual("EINVAL"u8) ? LookupFailure.Invalid : LookupFailure.Other;
    }
}
