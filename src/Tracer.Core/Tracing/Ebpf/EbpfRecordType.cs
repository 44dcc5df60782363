namespace Tracer.Tracing.Ebpf;

/// <summary><c>enum tracer_record_type</c> of native/tracer-ebpf.h.</summary>
internal enum EbpfRecordType : ushort
{
    Syscall = 1,
    Fork = 2,
    Exec = 3,
    Exit = 4,
    ExecFile = 5,
    Ready = 16,
    End = 17,
}
