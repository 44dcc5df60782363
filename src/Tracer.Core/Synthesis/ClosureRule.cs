namespace Tracer.Synthesis;

/// <summary>
/// One reason to keep a path. Rules seed the kept set, then see every path kept (by any rule)
/// once, and may keep more; <see cref="Finish"/> runs when nothing more is pending.
/// </summary>
public abstract class ClosureRule
{
    /// <summary>The name written in kept.txt for paths this rule keeps.</summary>
    public abstract string Name { get; }

    public virtual void Seed(ClosureContext context)
    {
    }

    /// <summary>Called once for each kept path; <paramref name="entry"/> is the image's entry
    /// (null for a synthesized one).</summary>
    public virtual void Expand(ClosureContext context, string path, Tree.TreeEntry? entry)
    {
    }

    public virtual void Finish(ClosureContext context)
    {
    }
}
