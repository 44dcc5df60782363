using Tracer.Synthesis.Elf;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>
/// A kept ELF object keeps its interpreter (PT_INTERP) and its DT_NEEDED libraries, found as
/// ld.so would find them inside the image; the libraries' own needs follow transitively
/// because each kept library is expanded in turn.
/// </summary>
public sealed class ElfRule : ClosureRule
{
    public const string RuleName = "elf";
    private const int SmallestElf = 52;

    private LibraryResolver? _resolver;

    public override string Name => RuleName;

    public override void Expand(ClosureContext context, string path, TreeEntry? entry)
    {
        if (entry is not { Type: TreeEntryType.File, Size: >= SmallestElf } || context.Synthetic.ContainsKey(path))
        {
            return;
        }
        ElfInfo? elf;
        try
        {
            using var stream = context.Tree.Content.Open(entry);
            elf = ElfInfo.Read(stream);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException
            or IndexOutOfRangeException or OverflowException or EndOfStreamException)
        {
            context.Warn($"elf: '{path}' looks like ELF but cannot be parsed ({e.Message})");
            return;
        }
        if (elf is null)
        {
            return;
        }
        if (elf.Interpreter is { } interpreter && context.Keep(interpreter, Name) is null)
        {
            context.Warn($"elf: '{path}' wants interpreter '{interpreter}', which the image lacks");
        }
        _resolver ??= new LibraryResolver(context.Tree, LibraryPath(context.Input.Env));
        foreach (var needed in elf.Needed)
        {
            if (_resolver.Find(needed, elf, path) is not { } found)
            {
                context.Warn($"elf: '{path}' needs '{needed}', which the image lacks");
                continue;
            }
            context.Keep(found, Name);
        }
    }

    private static IReadOnlyList<string> LibraryPath(IReadOnlyList<string> env)
    {
        const string Key = "LD_LIBRARY_PATH=";
        var value = env.LastOrDefault(static e => e.StartsWith(Key, StringComparison.Ordinal));
        return value is null ? [] : value[Key.Length..].Split(':', StringSplitOptions.RemoveEmptyEntries);
    }
}
