using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis;

/// <summary>A path whose content or metadata the synthesizer writes itself instead of
/// copying it from the image: trimmed passwd/group, dpkg status.d records, /tmp as 1777.</summary>
/// <param name="Entry">Metadata to write (Size is taken from <paramref name="Data"/>).</param>
/// <param name="Data">Content for regular files; empty for directories.</param>
public sealed record SyntheticFile(TreeEntry Entry, byte[] Data);
