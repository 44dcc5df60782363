namespace Tracer.Harness.Spec;

/// <summary>A host folder or file bind-mounted into the function's container.</summary>
/// <param name="Source">Absolute host path (the spec gives it relative to its own folder).</param>
/// <param name="Target">Absolute path inside the container.</param>
public sealed record MountSpec(string Source, string Target, bool ReadOnly)
{
    /// <summary>The Docker bind string, <c>/host:/container[:ro]</c>.</summary>
    public string Bind => ReadOnly ? $"{Source}:{Target}:ro" : $"{Source}:{Target}";
}
