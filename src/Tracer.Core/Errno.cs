using System.Runtime.InteropServices;

namespace Tracer;

/// <summary>Names and messages for Linux errno values (asm-generic/errno-base.h, errno.h).</summary>
public static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EBADF = 9, EAGAIN = 11;
    public const int ENOMEM = 12, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, EINVAL = 22;
    public const int EMFILE = 24, ENOSPC = 28, ENAMETOOLONG = 36, ENOSYS = 38, ELOOP = 40;
    public const int ENODATA = 61, EOPNOTSUPP = 95, EXDEV = 18;

    private static readonly Dictionary<int, string> Names = new()
    {
        [EPERM] = "EPERM",
        [ENOENT] = "ENOENT",
        [ESRCH] = "ESRCH",
        [EINTR] = "EINTR",
        [EIO] = "EIO",
        [EBADF] = "EBADF",
        [EAGAIN] = "EAGAIN",
        [ENOMEM] = "ENOMEM",
        [EACCES] = "EACCES",
        [EEXIST] = "EEXIST",
        [EXDEV] = "EXDEV",
        [ENOTDIR] = "ENOTDIR",
        [EISDIR] = "EISDIR",
        [EINVAL] = "EINVAL",
        [EMFILE] = "EMFILE",
        [ENOSPC] = "ENOSPC",
        [ENAMETOOLONG] = "ENAMETOOLONG",
        [ENOSYS] = "ENOSYS",
        [ELOOP] = "ELOOP",
        [ENODATA] = "ENODATA",
        [EOPNOTSUPP] = "EOPNOTSUPP",
    };

    public static string Name(int errno) => Names.TryGetValue(errno, out var n) ? n : $"errno {errno}";

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>Reads errno for the call just made; call it straight after the P/Invoke.</summary>
    public static int Last() => Marshal.GetLastPInvokeError();
}
