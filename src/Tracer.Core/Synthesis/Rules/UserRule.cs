using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// A USER other than uid 0 (a name, root included, or a uid, optionally ":group") needs its
/// passwd and group entries.
/// When the function did not read /etc/passwd or /etc/group itself, they are written with
/// only root's line and the user's (its primary group and a named group), so the image lists
/// no account it does not need. When the trace kept the whole file, it stays whole.
/// </summary>
public sealed class UserRule : ClosureRule
{
    public const string RuleName = "user";
    private const string Passwd = "/etc/passwd";
    private const string Group = "/etc/group";

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        var spec = context.Input.User.Trim();
        if (spec.Length == 0)
        {
            return;
        }
        var parts = spec.Split(':', 2);
        var user = parts[0];
        var group = parts.Length > 1 ? parts[1] : null;
        // A name, root's included, is looked up in the image's passwd by the runtime before the
        // function starts (runc: "unable to find user root"); only uid 0 needs no file.
        if (user == "0" && group is null or "0")
        {
            return;
        }
        var passwdLines = Lines(context, Passwd);
        var account = passwdLines.FirstOrDefault(l => Field(l, 0) == user || Field(l, 2) == user);
        if (account is null && !IsNumeric(user))
        {
            context.Warn($"user: USER '{user}' has no line in the image's {Passwd}");
        }
        // Limitation: supplementary groups (member lists in /etc/group) of the USER are not kept.
        var primaryGid = account is null ? null : Field(account, 3);
        Write(context, Passwd, passwdLines, l => Field(l, 2) == "0" || l == account);
        Write(context, Group, Lines(context, Group), l =>
            Field(l, 2) == "0" || Field(l, 2) == primaryGid || (group is not null
                && (Field(l, 0) == group || Field(l, 2) == group)));
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

    private static bool IsNumeric(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
