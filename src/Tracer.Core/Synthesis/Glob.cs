using System.Text;
using System.Text.RegularExpressions;

namespace Tracer.Synthesis;

/// <summary>
/// A path glob for --include/--exclude: <c>**</c> matches any run of characters including
/// "/", <c>*</c> any run without "/", <c>?</c> one character other than "/". A trailing
/// <c>/**</c> also matches the directory itself. Patterns are absolute.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public string Pattern { get; }

    /// <summary>Why a user's include/exclude glob is refused, or null when it is valid: globs
    /// are absolute. The spec reader and the synth command both check with this.</summary>
    public static string? Problem(string pattern) =>
        pattern.StartsWith('/') ? null : "globs must be absolute";

    /// <summary>What to do about a <see cref="Problem"/>.</summary>
    public const string ProblemHint = "Start them with /, e.g. /etc/ssl/certs/**";

    /// <summary>Checks user globs, throwing a usage error naming <paramref name="option"/>.</summary>
    public static void Validate(IEnumerable<string> patterns, string option)
    {
        foreach (var pattern in patterns)
        {
            if (Problem(pattern) is { } problem)
            {
                throw new TracerException($"'{option}' {problem}", pattern, ProblemHint, ErrorCategory.Usage);
            }
        }
    }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    public static bool AnyMatch(IReadOnlyList<Glob> globs, string path)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(path))
            {
                return true;
            }
        }
        return false;
    }

    private static string ToRegex(string pattern)
    {
        var p = pattern.StartsWith('/') ? pattern : "/" + pattern;
        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '/' && p.AsSpan(i).SequenceEqual("/**"))
            {
                sb.Append("(/.*)?");
                break;
            }
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                // "**/" also matches no directory at all: /a/**/b matches /a/b.
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
                continue;
            }
            sb.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return sb.Append('$').ToString();
    }
}
