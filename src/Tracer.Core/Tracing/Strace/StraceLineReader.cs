namespace Tracer.Tracing.Strace;

/// <summary>Splits a byte stream into lines for the parser with one reused buffer.</summary>
public static class StraceLineReader
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Feeds every line of <paramref name="stream"/> to <paramref name="parser"/>.</summary>
    public static void Pump(Stream stream, StraceParser parser, int defaultPid = 0)
    {
        var buffer = new byte[BufferSize];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // One line longer than the buffer (huge argv): grow once, rare.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                break;
            }
            filled += read;
            var consumed = Lines(buffer.AsSpan(0, filled), parser, defaultPid);
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
        if (filled > 0)
        {
            parser.ParseLine(buffer.AsSpan(0, filled), defaultPid);
        }
    }

    /// <summary>Parses the complete lines in <paramref name="data"/>; returns the bytes used.</summary>
    public static int Lines(ReadOnlySpan<byte> data, StraceParser parser, int defaultPid = 0)
    {
        var used = 0;
        while (true)
        {
            var newline = data[used..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return used;
            }
            parser.ParseLine(data.Slice(used, newline), defaultPid);
            used += newline + 1;
        }
    }
}
