using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tracer.Cli;

/// <summary>Range and form checks shared by the commands; run by the parser, so a bad value is
/// a one-line usage error (exit 2) before anything starts.</summary>
public static class OptionChecks
{
    /// <summary>A duration in seconds that must be above zero.</summary>
    public static Option<double> PositiveSeconds(this Option<double> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0) || double.IsInfinity(value))
            {
                result.AddError($"bad {option.Name}: '{value}': must be a number of seconds above 0");
            }
        });
        return option;
    }

    /// <summary>An output directory: it may exist or not, but neither it nor a folder above it
    /// may be a regular file (it could not be created).</summary>
    public static Option<T> OutputDirectory<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>()?.ToString() is not { Length: > 0 } path)
            {
                return;
            }
            for (var at = Path.GetFullPath(path); !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
            {
                if (File.Exists(at))
                {
                    result.AddError(at == Path.GetFullPath(path)
                        ? $"bad {option.Name}: '{path}': is a file, not a directory; give a directory (created when missing)"
                        : $"bad {option.Name}: '{path}': '{at}' is a file, so the directory cannot be created; "
                            + "give a directory (created when missing)");
                    return;
                }
                if (Directory.Exists(at))
                {
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>A count that may be zero but not negative.</summary>
    public static Option<int> NotNegative(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 0)
            {
                result.AddError($"bad {option.Name}: '{value}': must be 0 or more");
            }
        });
        return option;
    }

    /// <summary>Each value is KEY=VALUE with a non-empty KEY.</summary>
    public static Option<string[]> KeyValues(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"bad {option.Name}: '{pair}': expected KEY=VALUE");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>Bind mounts SRC:DST[:ro] whose host SRC exists: the engine would otherwise
    /// create a missing SRC as an empty directory on the host. A SRC without '/' that does not
    /// start with '.' is a named volume and is not checked.</summary>
    public static Option<string[]> BindMounts(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var bind in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (CheckBind(bind) is { } error)
                {
                    result.AddError($"bad {option.Name}: '{bind}': {error}");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>Null when <paramref name="bind"/> is usable, else why not.</summary>
    internal static string? CheckBind(string bind)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !parts[1].StartsWith('/')
            || parts.Length == 3 && parts[2] is not ("ro" or "rw"))
        {
            return "expected SRC:DST or SRC:DST:ro with an absolute DST";
        }
        var source = parts[0];
        var hostPath = source.Contains('/', StringComparison.Ordinal) || source.StartsWith('.');
        return hostPath && !Path.Exists(Path.GetFullPath(source))
            ? $"source '{source}' does not exist (the engine would create it on the host)"
            : null;
    }
}
