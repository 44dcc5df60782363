using System.Buffers.Binary;
using System.Text;
using Tracer.Tracing.Ebpf;

namespace Tracer.Tests.Tracing.Ebpf;

/// <summary>Builds loader records byte by byte, in native/tracer-ebpf.h's layout.</summary>
internal static class EbpfRecords
{
    public const int AtFdCwd = -100;

    public static byte[] Syscall(EbpfOp op, int pid, long ret, string path, int dirfd = AtFdCwd, uint flags = 0,
        string path2 = "", int dirfd2 = AtFdCwd) =>
        Build(EbpfRecordType.Syscall, op, pid, 0, ret, dirfd, dirfd2, flags, path, path2);

    public static byte[] Fork(int child, int parent, uint share) =>
        Build(EbpfRecordType.Fork, 0, child, parent, 0, 0, 0, share, "", "");

    public static byte[] Exec(int pid, string file, string interpreter = "") =>
        Build(EbpfRecordType.Exec, 0, pid, pid, 0, AtFdCwd, 0, 0, file, interpreter);

    public static byte[] Join(int pid, string cwd) =>
        Build(EbpfRecordType.Join, 0, pid, 0, 0, AtFdCwd, 0, 0, cwd, "");

    public static byte[] Exit(int pid) => Build(EbpfRecordType.Exit, 0, pid, 0, 0, 0, 0, 0, "", "");

    public static byte[] Build(EbpfRecordType type, EbpfOp op, int pid, int ppid, long ret, int dirfd, int dirfd2,
        uint flags, string path1, string path2)
    {
        var p1 = Encoding.UTF8.GetBytes(path1);
        var p2 = Encoding.UTF8.GetBytes(path2);
        var data = new byte[EbpfRecord.HeaderSize + p1.Length + p2.Length];
        var span = data.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[EbpfRecord.SizeOffset..], (uint)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[EbpfRecord.TypeOffset..], (ushort)type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[EbpfRecord.OpOffset..], (ushort)op);
        BinaryPrimitives.WriteInt32LittleEndian(span[EbpfRecord.PidOffset..], pid);
        BinaryPrimitives.WriteInt32LittleEndian(span[EbpfRecord.PpidOffset..], ppid);
        BinaryPrimitives.WriteInt64LittleEndian(span[EbpfRecord.RetOffset..], ret);
        BinaryPrimitives.WriteInt32LittleEndian(span[EbpfRecord.DirfdOffset..], dirfd);
        BinaryPrimitives.WriteInt32LittleEndian(span[EbpfRecord.Dirfd2Offset..], dirfd2);
        BinaryPrimitives.WriteUInt32LittleEndian(span[EbpfRecord.FlagsOffset..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[EbpfRecord.Len1Offset..], (ushort)p1.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[EbpfRecord.Len2Offset..], (ushort)p2.Length);
        p1.CopyTo(span[EbpfRecord.HeaderSize..]);
        p2.CopyTo(span[(EbpfRecord.HeaderSize + p1.Length)..]);
        return data;
    }
}
