using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Rules;

/// <summary>/tmp exists with mode 1777: the image's own directory (owner, time) with the mode
/// forced, or a new root-owned one when the image has none.</summary>
public sealed class TmpRule : ClosureRule
{
    public const string RuleName = "tmp";
    public const string TmpPath = "/tmp";
    /// <summary>rwxrwxrwt: everyone may create, only owners may delete.</summary>
    public const int TmpMode = 0b1_111_111_111;

    public override string Name => RuleName;

    public override void Seed(ClosureContext context)
    {
        var existing = context.Tree.Get(TmpPath);
        var entry = existing is { Type: TreeEntryType.Directory }
            ? existing with { Mode = TmpMode }
            : new TreeEntry
            {
                Path = TmpPath,
                Type = TreeEntryType.Directory,
                Mode = TmpMode,
                ModificationTime = context.Input.Created,
            };
        context.AddSynthetic(new SyntheticFile(entry, []), Name);
    }
}
