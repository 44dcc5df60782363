namespace Tracer.Harness;

/// <summary>Builds and loads the minimal image from the traces (the synthesizer, seen from the harness).</summary>
public interface IImageSynthesizer
{
    Task<SynthesisResult> SynthesizeAsync(SynthesisRequest request, CancellationToken ct);
}
