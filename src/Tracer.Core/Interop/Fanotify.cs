using System.Runtime.InteropServices;

namespace Tracer.Interop;

/// <summary>
/// Raw fanotify(7) interop with the C names of &lt;sys/fanotify.h&gt; / &lt;linux/fanotify.h&gt;.
/// Tmds.LibC has no fanotify calls. Values checked against the real header by
/// FanotifyHeaderTests (compiles a C program).
/// </summary>
#pragma warning disable CA1707, IDE1006, CS8981 // C names kept exactly
internal static partial class Fanotify
{
    // fanotify_init flags
    public const uint FAN_CLOEXEC = 0x00000001;
    public const uint FAN_NONBLOCK = 0x00000002;
    public const uint FAN_CLASS_NOTIF = 0x00000000;
    public const uint FAN_UNLIMITED_QUEUE = 0x00000010;

    // event mask bits
    public const ulong FAN_OPEN = 0x00000020;
    public const ulong FAN_OPEN_EXEC = 0x00001000; // Linux 5.0
    public const ulong FAN_Q_OVERFLOW = 0x00004000;
    public const ulong FAN_ONDIR = 0x40000000;

    // fanotify_mark flags
    public const uint FAN_MARK_ADD = 0x00000001;
    public const uint FAN_MARK_IGNORED_MASK = 0x00000020;
    public const uint FAN_MARK_IGNORED_SURV_MODIFY = 0x00000040;
    public const uint FAN_MARK_FILESYSTEM = 0x00000100; // Linux 4.20

    public const byte FANOTIFY_METADATA_VERSION = 3;
    public const int FAN_NOFD = -1;

    // open(2) flags for the event fds (x86_64 values)
    public const int O_RDONLY = 0;
    // glibc defines O_LARGEFILE as 0 on x86_64 (the kernel forces it there); this is the kernel's
    // asm-generic value, which 32-bit callers need. Not header-checked for that reason.
    public const int O_LARGEFILE = 0x8000;
    public const int O_CLOEXEC = 0x80000;

    public const int AT_FDCWD = -100;

    /// <summary>struct fanotify_event_metadata: field offsets and size.</summary>
    public const int event_len_offset = 0;
    public const int vers_offset = 4;
    public const int metadata_len_offset = 6;
    public const int mask_offset = 8;
    public const int fd_offset = 16;
    public const int pid_offset = 20;
    public const int FAN_EVENT_METADATA_LEN = 24;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fanotify_init(uint flags, uint event_f_flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int fanotify_mark(int fanotify_fd, uint flags, ulong mask, int dirfd, string? pathname);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint read(int fd, byte* buf, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial int open(byte* pathname, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static unsafe partial nint readlink(byte* path, byte* buf, nuint bufsiz);
}
#pragma warning restore CA1707, IDE1006, CS8981
