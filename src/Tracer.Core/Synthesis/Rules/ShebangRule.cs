using System.Text;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// A kept executable script keeps the interpreter of its "#!" line: the kernel opens it on
/// execve without a syscall of its own, so a strace-only trace never names it.
/// </summary>
public sealed class ShebangRule : ClosureRule
{
    public const string RuleName = "shebang";
    // binfmt_script reads at most BINPRM_BUF_SIZE (256 bytes since Linux 5.1) of the first line.
    private const int MaxLine = 256;
    private const int AnyExecute = 0b001_001_001;

    public override string Name => RuleName;

    public override void Expand(ClosureContext context, string path, TreeEntry? entry)
    {
        if (entry is not { Type: TreeEntryType.File, Size: > 2 } || (entry.Mode & AnyExecute) == 0
            || context.Synthetic.ContainsKey(path))
        {
            return;
        }
        Span<byte> head = stackalloc byte[MaxLine];
        int read;
        using (var stream = context.Tree.Content.Open(entry))
        {
            read = stream.ReadAtLeast(head, MaxLine, throwOnEndOfStream: false);
        }
        if (Interpreter(head[..read]) is { } interpreter && context.Keep(interpreter, Name) is null)
        {
            context.Warn($"shebang: '{path}' wants interpreter '{interpreter}', which the image lacks");
        }
    }

    /// <summary>The interpreter path of a "#!" line, or null.</summary>
    public static string? Interpreter(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || head[0] != '#' || head[1] != '!')
        {
            return null;
        }
        var line = head[2..];
        var end = line.IndexOf((byte)'\n');
        var text = Encoding.UTF8.GetString(end < 0 ? line : line[..end]).Trim();
        var program = text.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return program is { Length: > 1 } && program[0] == '/' ? program : null;
    }
}
