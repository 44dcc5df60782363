namespace Tracer.Tracing.Strace;

/// <summary>Finds and reads strace logs: one file, or the per-pid files of <c>-ff -o PREFIX</c>.</summary>
public static class StraceLog
{
    /// <summary>The files for <paramref name="logOrPrefix"/> with the pid of lines without a prefix
    /// (0 for a single -f log); empty when nothing matches.</summary>
    public static IReadOnlyList<(string File, int Pid)> Files(string logOrPrefix)
    {
        if (File.Exists(logOrPrefix))
        {
            return [(logOrPrefix, 0)];
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(logOrPrefix))!;
        var name = Path.GetFileName(logOrPrefix);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var files = new List<(string, int)>();
        foreach (var file in Directory.EnumerateFiles(directory, name + ".*"))
        {
            if (int.TryParse(Path.GetFileName(file).AsSpan(name.Length + 1), out var pid) && pid > 0)
            {
                files.Add((file, pid));
            }
        }
        // Limitation: -ff files are read in pid order, so a child inherits its cwd from the
        // clone() in its parent's file; a pid that wrapped around is read out of order.
        files.Sort(static (a, b) => a.Item2.CompareTo(b.Item2));
        return files;
    }

    /// <summary>Parses every file of the log into <paramref name="parser"/>.</summary>
    public static void Read(string logOrPrefix, StraceParser parser)
    {
        var files = Files(logOrPrefix);
        if (files.Count == 0)
        {
            throw new TracerException("no strace log", logOrPrefix,
                "pass a file written by 'strace -f -o FILE' or the FILE prefix of 'strace -ff -o FILE'");
        }
        foreach (var (file, pid) in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            StraceLineReader.Pump(stream, parser, pid);
        }
    }
}
