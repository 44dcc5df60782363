namespace Tracer.IntegrationTests.Gate;

/// <summary>
/// Reads /proc on the host. Zombies are seen only here: a task that has exited has left its
/// cgroup, so `docker top` no longer lists it.
/// </summary>
internal static class HostProcesses
{
    /// <summary>(pid, state letter, command) of every child of <paramref name="parent"/>.</summary>
    public static List<(int Pid, char State, string Command)> ChildrenOf(int parent)
    {
        var children = new List<(int, char, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // gone meanwhile
            }
            // proc(5): "pid (comm) state ppid …"; comm may hold spaces and parentheses.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
            {
                children.Add((pid, fields[0][0], stat[(open + 1)..close]));
            }
        }
        return children;
    }
}
