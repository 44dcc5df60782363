using System.Buffers.Binary;

namespace Tracer.Tracing.Ebpf;

/// <summary>
/// One record from the loader, read in place. The layout is native/tracer-ebpf.h's
/// <c>struct tracer_record</c>: a 40-byte little-endian header, then path1 and path2 bytes.
/// </summary>
internal readonly ref struct EbpfRecord
{
    public const int HeaderSize = 40;
    public const int SizeOffset = 0;
    public const int TypeOffset = 4;
    public const int OpOffset = 6;
    public const int PidOffset = 8;
    public const int PpidOffset = 12;
    public const int RetOffset = 16;
    public const int DirfdOffset = 24;
    public const int Dirfd2Offset = 28;
    public const int FlagsOffset = 32;
    public const int Len1Offset = 36;
    public const int Len2Offset = 38;

    private readonly ReadOnlySpan<byte> _data;

    private EbpfRecord(ReadOnlySpan<byte> data) => _data = data;

    public EbpfRecordType Type => (EbpfRecordType)BinaryPrimitives.ReadUInt16LittleEndian(_data[TypeOffset..]);
    public EbpfOp Op => (EbpfOp)BinaryPrimitives.ReadUInt16LittleEndian(_data[OpOffset..]);
    public int Pid => (int)BinaryPrimitives.ReadUInt32LittleEndian(_data[PidOffset..]);
    public int Ppid => (int)BinaryPrimitives.ReadUInt32LittleEndian(_data[PpidOffset..]);
    public long Ret => BinaryPrimitives.ReadInt64LittleEndian(_data[RetOffset..]);
    public int Dirfd => BinaryPrimitives.ReadInt32LittleEndian(_data[DirfdOffset..]);
    public int Dirfd2 => BinaryPrimitives.ReadInt32LittleEndian(_data[Dirfd2Offset..]);
    public uint Flags => BinaryPrimitives.ReadUInt32LittleEndian(_data[FlagsOffset..]);
    public ReadOnlySpan<byte> Path1 => _data.Slice(HeaderSize, Len1);
    public ReadOnlySpan<byte> Path2 => _data.Slice(HeaderSize + Len1, Len2);

    private int Len1 => BinaryPrimitives.ReadUInt16LittleEndian(_data[Len1Offset..]);
    private int Len2 => BinaryPrimitives.ReadUInt16LittleEndian(_data[Len2Offset..]);

    /// <summary>The size of the record at the start of <paramref name="buffer"/>, or 0 when its
    /// header is not all there yet.</summary>
    public static int PeekSize(ReadOnlySpan<byte> buffer) =>
        buffer.Length < HeaderSize ? 0 : (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer);

    /// <summary>Reads a complete record; false when its sizes disagree (a corrupt stream).</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out EbpfRecord record)
    {
        record = new EbpfRecord(data);
        return data.Length >= HeaderSize && HeaderSize + record.Len1 + record.Len2 <= data.Length;
    }
}
