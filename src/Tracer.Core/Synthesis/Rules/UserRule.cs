using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// Every user the function runs as (the image's USER and a spec's <c>user:</c>; a name, root
/// included, or a uid, optionally ":group") other than plain uid 0 needs its passwd and group
/// entries: the runtime looks names up in /etc/passwd and the user's groups, supplementary ones
/// included, in /etc/group before the function starts. When the function did not read
/// /etc/passwd or /etc/group itself, they are written with only root's lines and each user's
/// (its account; its primary group, a named group, and every group listing it as a member), so
/// the image lists no account it does not need. When the trace kept the whole file, it stays
/// whole.
/// </summary>
public sealed class UserRule : ClosureRule
{
    public const string RuleName = "user";
    private const string Passwd = "/etc/passwd";
    private const string Group = "/etc/group";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        var users = new[] { context.Input.User }.Concat(context.Input.RunAs)
            .Select(static u => u.Trim()).Where(static u => u.Length > 0).Distinct().ToList();
        var passwdLines = Lines(context, Passwd);
        var groupLines = Lines(context, Group);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var needed = false;
        foreach (var spec in users)
        {
            var parts = spec.Split(':', 2);
            var user = parts[0];
            var group = parts.Length > 1 ? parts[1] : null;
            // Only uid 0 with no group or gid 0 needs no file: a name, root's too, is looked up
            // (runc: "unable to find user root").
            if (user == "0" && group is null or "0")
            {
                continue;
            }
            needed = true;
            var account = passwdLines.FirstOrDefault(l => Field(l, 0) == user || Field(l, 2) == user);
            if (account is null && !IsNumeric(user))
            {
                context.Warn($"user: USER '{user}' has no line in the image's {Passwd}");
            }
            if (account is not null)
            {
                accounts.Add(account);
            }
            var name = account is null ? user : Field(account, 0)!;
            var primaryGid = account is null ? null : Field(account, 3);
            groups.UnionWith(groupLines.Where(l => Field(l, 2) == primaryGid
                || (group is not null && (Field(l, 0) == group || Field(l, 2) == group))
                || Members(l).Contains(name)));
        }
        if (!needed)
        {
            return;
        }
        Write(context, Passwd, passwdLines, l => Field(l, 2) == "0" || accounts.Contains(l));
        Write(context, Group, groupLines, l => Field(l, 2) == "0" || groups.Contains(l));
    }

    private void Write(ClosureContext context, string path, List<string> lines, Func<string, bool> keep)
    {
        var real = context.Tree.Resolve(path, followFinal: true);
        if (real is null || context.Tree.Get(real) is not { } original)
        {
            return;
        }
        if (context.IsKept(real))
        {
            return;
        }
        var text = string.Concat(lines.Where(keep).Select(static l => l + "\n"));
        var data = Encoding.UTF8.GetBytes(text);
        context.Keep(path, Name);
        context.AddSynthetic(new SyntheticFile(original with { Size = data.Length }, data), Name);
    }

    private static List<string> Lines(ClosureContext context, string path) =>
        context.ReadFile(path) is { } bytes
            ? Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];

    private static string? Field(string line, int index)
    {
        var fields = line.Split(':');
        return index < fields.Length ? fields[index] : null;
    }

    /// <summary>The member list of a group line (its fourth field).</summary>
    private static string[] Members(string line) =>
        Field(line, 3)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static bool IsNumeric(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
