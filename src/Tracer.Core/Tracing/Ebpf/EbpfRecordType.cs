namespace Tracer.Tracing.Ebpf;

/// <summary><c>enum tracer_record_type</c> of native/tracer-ebpf.h.</summary>
internal enum EbpfRecordType : ushort
{
    Syscall = 1,
    Fork = 2,
    Exec = 3,
    Exit = 4,
    ExecFile = 5,
    /// <summary>A task outside the root's tree joined the container (docker exec); path1: its cwd.</summary>
    Join = 6,
    Ready = 16,
    End = 17,
}
