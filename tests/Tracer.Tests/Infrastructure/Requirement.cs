namespace Tracer.Tests.Infrastructure;

/// <summary>What a test needs from the machine.</summary>
[Flags]
public enum Requirement
{
    None = 0,
    Root = 1,
    Docker = 2,
    Strace = 4,
    Fanotify = 8,
    /// <summary>Kernel BTF, the tracer-ebpf loader and CAP_BPF/CAP_SYS_ADMIN.</summary>
    Bpf = 16,
}
