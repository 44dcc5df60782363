using static Tmds.Linux.LibC;

namespace Tracer.Docker;

/// <summary>The release FIFO: made with mkfifo(3), written with a non-blocking open(2).</summary>
internal static unsafe class GateFifo
{
    public const byte Go = (byte)'g';
    public const byte Stop = (byte)'a';

    /// <summary>rw-r--r--: the gate may run as any user in the container and only reads.</summary>
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static void Make(string path)
    {
        fixed (byte* p = PathBytes(path))
        {
            if (mkfifo(p, (int)Mode) != 0)
            {
                throw new SyscallException("mkfifo", errno, path);
            }
        }
        File.SetUnixFileMode(path, Mode);
    }

    /// <summary>
    /// Writes one byte when a reader has the FIFO open. False when none does yet (ENXIO):
    /// O_NONBLOCK makes the open fail instead of waiting forever for a gate that may never come.
    /// </summary>
    public static bool TrySend(string path, byte value)
    {
        int fd;
        fixed (byte* p = PathBytes(path))
        {
            fd = open(p, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        }
        if (fd < 0)
        {
            var e = errno;
            return e == ENXIO ? false : throw new SyscallException("open", e, path);
        }
        try
        {
            if (write(fd, &value, 1) != 1)
            {
                throw new SyscallException("write", errno, path);
            }
            return true;
        }
        finally
        {
            close(fd);
        }
    }

    private static byte[] PathBytes(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");
}
