namespace Tracer.Reporting;

/// <summary>Kinds of files an attacker inside a container would reach for.</summary>
public enum SurfaceCategory
{
    Shells,
    PackageManagers,
    DownloadTools,
    EncodersDecoders,
    CompilersInterpreters,
    SetIdFiles,
}
