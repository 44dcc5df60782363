namespace Tracer.Docker;

/// <summary>Labels on everything Tracer creates, so a crash never leaves anonymous leftovers.</summary>
public static class DockerLabels
{
    /// <summary>Set on every container Tracer creates.</summary>
    public const string Managed = "io.tracer.managed";
    /// <summary>Set by tests to the test run's id, so the run can remove what it made.</summary>
    public const string TestRun = "io.tracer.test-run";
    /// <summary>On minimal images: the source image id.</summary>
    public const string SourceImage = "io.tracer.source-image";
    /// <summary>On minimal images: the tracer version that built them.</summary>
    public const string Version = "io.tracer.version";
}
