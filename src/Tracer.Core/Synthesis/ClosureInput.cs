using Tracer.Synthesis.Tree;
using Tracer.Tracing;

namespace Tracer.Synthesis;

/// <summary>Everything the closure rules read: the image tree, its config, the traces, the globs.</summary>
public sealed record ClosureInput
{
    public required ImageTree Tree { get; init; }
    /// <summary>All traces merged.</summary>
    public required AccessSet Accesses { get; init; }
    /// <summary>Bind-mount and volume targets from the traces' facts: never copied.</summary>
    public IReadOnlyList<string> BindMounts { get; init; } = [];
    /// <summary>The image's USER ("name", "uid", "name:group", "uid:gid"), empty for root.</summary>
    public string User { get; init; } = "";
    /// <summary>Other users the function runs as (a spec's <c>user:</c>), same forms as
    /// <see cref="User"/>: their accounts are kept like the image USER's.</summary>
    public IReadOnlyList<string> RunAs { get; init; } = [];
    /// <summary>The image's Env (KEY=VALUE); LD_LIBRARY_PATH matters to the ELF rule.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];
    /// <summary>Time stamp for synthesized entries: the source image's created time.</summary>
    public DateTimeOffset Created { get; init; }
    public IReadOnlyList<Glob> Includes { get; init; } = [];
    public IReadOnlyList<Glob> Excludes { get; init; } = [];
}
