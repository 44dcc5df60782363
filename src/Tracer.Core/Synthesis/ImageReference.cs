using System.Text.RegularExpressions;

namespace Tracer.Synthesis;

/// <summary>The engine's grammar for the NAME and TAG of an image reference (the distribution
/// project's reference grammar): checked before a run so a bad --tag fails in the first second,
/// not after tracing.</summary>
internal static partial class ImageReference
{
    /// <summary>[domain[:port]/]component[/component]…, components lower-case alphanumerics
    /// joined by '.', '_', '__' or runs of '-'.</summary>
    public static bool IsRepository(string value) => value.Length <= 255 && Repository().IsMatch(value);

    public static bool IsTag(string value) => Tag().IsMatch(value);

    public static bool IsImageId(string value) => ImageId().IsMatch(value);

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex Repository();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Tag();

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex ImageId();
}
