namespace Tracer.Harness;

/// <summary>Where the pipeline reports what it is doing (stderr: plain lines or a live display).</summary>
public interface ISlimProgress
{
    void Stage(string stage, string detail);

    void Info(string line);
}
