using System.Text;

namespace Tracer.Tracing.Strace;

/// <summary>
/// Decodes strace's quoted strings: C escapes (\n \t \" \\ …), octal (\303) and hex (\xc3,
/// as printed with -x/-xx). Bytes are then read as UTF-8, which is what Linux paths hold
/// in practice.
/// </summary>
internal static class StraceString
{
    /// <summary>Unescapes <paramref name="raw"/> (the text between the quotes) into
    /// <paramref name="chars"/>; returns the char count, or -1 when it does not fit or is malformed.</summary>
    public static int Decode(ReadOnlySpan<byte> raw, Span<byte> scratch, Span<char> chars)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Utf8(raw, chars);
        }
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (n >= scratch.Length)
            {
                return -1;
            }
            var b = raw[i];
            if (b != '\\')
            {
                scratch[n++] = b;
                continue;
            }
            if (++i >= raw.Length)
            {
                return -1;
            }
            b = raw[i];
            switch (b)
            {
                case (byte)'n': scratch[n++] = (byte)'\n'; break;
                case (byte)'t': scratch[n++] = (byte)'\t'; break;
                case (byte)'r': scratch[n++] = (byte)'\r'; break;
                case (byte)'v': scratch[n++] = (byte)'\v'; break;
                case (byte)'f': scratch[n++] = (byte)'\f'; break;
                case (byte)'x':
                    if (i + 2 >= raw.Length)
                    {
                        return -1;
                    }
                    var hi = Hex(raw[i + 1]);
                    var lo = Hex(raw[i + 2]);
                    if (hi < 0 || lo < 0)
                    {
                        return -1;
                    }
                    scratch[n++] = (byte)((hi << 4) | lo);
                    i += 2;
                    break;
                case >= (byte)'0' and <= (byte)'7':
                    var value = 0;
                    var digits = 0;
                    while (digits < 3 && i < raw.Length && raw[i] >= '0' && raw[i] <= '7')
                    {
                        value = (value << 3) | (raw[i] - '0');
                        i++;
                        digits++;
                    }
                    i--;
                    scratch[n++] = (byte)value;
                    break;
                default:
                    scratch[n++] = b;
                    break;
            }
        }
        return Utf8(scratch[..n], chars);
    }

    private static int Utf8(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (Encoding.UTF8.GetMaxCharCount(bytes.Length) > chars.Length
            && Encoding.UTF8.GetCharCount(bytes) > chars.Length)
        {
            return -1;
        }
        return Encoding.UTF8.GetChars(bytes, chars);
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
