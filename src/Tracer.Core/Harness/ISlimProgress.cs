namespace Tracer.Harness;

/// <summary>Where the pipeline reports what it is doing (stderr: plain lines or a live display).</summary>
public interface ISlimProgress
{
    void Stage(string stage, string detail);

    void Info(string line);

    /// <summary>A <c>warning:</c> line on stderr, worded as <c>tracer synth</c> words it.</summary>
    void Warning(string line);
}
