namespace Tracer.Tracing.Ebpf;

/// <summary><c>enum tracer_op</c> of native/tracer-ebpf.h: which syscall family a record is.</summary>
internal enum EbpfOp : ushort
{
    Open = 1,
    Exec = 2,
    Stat = 3,
    Readlink = 4,
    Chdir = 5,
    Fchdir = 6,
    Mkdir = 7,
    Rename = 8,
    Unlink = 9,
    Symlink = 10,
}
