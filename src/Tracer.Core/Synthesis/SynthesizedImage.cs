namespace Tracer.Synthesis;

/// <summary>The files one synthesis wrote, before anything is loaded into an engine.</summary>
public sealed record SynthesizedImage(
    ClosureContext Closure,
    byte[] Config,
    string ImageId,
    string DiffId,
    string LayerPath,
    long LayerBytes,
    int LayerEntries);
