namespace Tracer.Tracing.Strace;

/// <summary>Reads the interpreter from a script's "#!" line, under a root directory (the host's
/// "/" for ingest-strace, "/proc/PID/root" for a running container).</summary>
public sealed class ShebangReader(string root)
{
    private const int MaxLine = 256; // Linux BINPRM_BUF_SIZE (5.1+) bounds the "#!" line.

    /// <summary>The interpreter's absolute path, or null when <paramref name="path"/> is no
    /// readable script.</summary>
    public string? Interpreter(string path)
    {
        Span<byte> head = stackalloc byte[MaxLine];
        int read;
        try
        {
            using var file = File.OpenHandle(Path.Join(root, path));
            read = RandomAccess.Read(file, head, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var line = head[..read];
        if (!line.StartsWith("#!"u8))
        {
            return null;
        }
        var end = line.IndexOf((byte)'\n');
        line = (end < 0 ? line : line[..end])[2..].Trim((byte)' ').Trim((byte)'\t');
        var space = line.IndexOfAny((byte)' ', (byte)'\t');
        var interpreter = space < 0 ? line : line[..space];
        return interpreter.Length > 0 && interpreter[0] == '/'
            ? System.Text.Encoding.UTF8.GetString(interpreter)
            : null;
    }
}
