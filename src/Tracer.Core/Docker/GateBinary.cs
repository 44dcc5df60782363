namespace Tracer.Docker;

/// <summary>Finds the gate binary: $TRACER_GATE, next to the running program, or native/build upwards.</summary>
public static class GateBinary
{
    private static readonly string BuildPath = Path.Combine("native", "build", Gate.BinaryName);

    public static string Locate() => Locate(
        Environment.GetEnvironmentVariable(Gate.BinaryVariable), AppContext.BaseDirectory,
        Directory.GetCurrentDirectory());

    internal static string Locate(string? variable, string programDir, string currentDir)
    {
        if (!string.IsNullOrEmpty(variable))
        {
            return File.Exists(variable) ? Path.GetFullPath(variable)
                : throw new TracerException("gate binary not found", variable,
                    $"{Gate.BinaryVariable} names a file that does not exist; run ./build.sh",
                    ErrorCategory.Environment);
        }
        var beside = Path.Combine(programDir, Gate.BinaryName);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(currentDir); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, BuildPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new TracerException("gate binary not found", beside,
            $"run ./build.sh, or set {Gate.BinaryVariable} to the built native/build/{Gate.BinaryName}",
            ErrorCategory.Environment);
    }
}
