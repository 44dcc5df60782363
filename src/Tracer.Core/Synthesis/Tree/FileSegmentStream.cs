namespace Tracer.Synthesis.Tree;

/// <summary>
/// A read-only, seekable window over part of a file: a layer tar inside a docker-save tar, or
/// one file's content inside that layer. Each instance owns its own handle position.
/// </summary>
public sealed class FileSegmentStream(FileStream file, long start, long length, bool ownsFile)
    : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = length - _position;
        if (left <= 0)
        {
            return 0;
        }
        if (buffer.Length > left)
        {
            buffer = buffer[..(int)left];
        }
        // RandomAccess reads at an offset without moving a shared position, so several
        // segments over one handle never disturb each other.
        var read = RandomAccess.Read(file.SafeFileHandle, buffer, start + _position);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsFile)
        {
            file.Dispose();
        }
        base.Dispose(disposing);
    }
}
