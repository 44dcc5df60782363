namespace Tracer.Docker;

/// <summary>The host directories that hold a gate: one per container, under /run/tracer or /tmp.</summary>
internal static class GateDirectory
{
    /// <summary>rwxr-xr-x: a non-root USER in the container must reach and run the gate.</summary>
    public const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly string[] Roots = ["/run/tracer", Path.Combine(Path.GetTempPath(), "tracer")];

    public static string Create()
    {
        Exception? last = null;
        foreach (var root in Roots)
        {
            try
            {
                Directory.CreateDirectory(root, Executable);
                var dir = Path.Combine(root, "gate-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(dir, Executable);
                // CreateDirectory's mode is filtered by the umask; set it exactly.
                File.SetUnixFileMode(dir, Executable);
                return dir;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                last = e;
            }
        }
        throw new TracerException("cannot create a gate directory", Roots[^1], last?.Message,
            ErrorCategory.Environment, last);
    }

    /// <summary>Removes a gate directory; a directory already gone is fine.</summary>
    public static void Remove(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
