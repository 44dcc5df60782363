namespace Tracer;

/// <summary>A failed system call: carries the call's name, the errno name and the path involved.</summary>
public sealed class SyscallException(string syscall, int errno, string? path,
    ErrorCategory category = ErrorCategory.Environment, string? hint = null)
    : TracerException($"{syscall} failed: {Errno.Name(errno)} ({Errno.Describe(errno)})", path, hint, category)
{
    public string Syscall { get; } = syscall;
    public int ErrorNumber { get; } = errno;
}
