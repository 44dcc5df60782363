using Microsoft.Extensions.Logging;

namespace Tracer.Synthesis;

/// <summary>What an operator needs to follow a synthesis: sizes, counts, times.</summary>
internal static partial class SynthesisLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "saved {Image} ({Id}): {Entries} entries in {Layers} layers, {Seconds:F2}s")]
    public static partial void Saved(ILogger logger, string image, string id, int entries, int layers, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "kept {Kept} paths ({Missing} missing, {Packages} packages), layer {Bytes} bytes, {Seconds:F2}s")]
    public static partial void Synthesized(ILogger logger, int kept, int missing, int packages, long bytes, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "loaded {Id} as {Tag}, {Seconds:F2}s")]
    public static partial void Loaded(ILogger logger, string id, string tag, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Warning(ILogger logger, string message);
}
