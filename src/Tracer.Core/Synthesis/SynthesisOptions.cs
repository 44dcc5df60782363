using Microsoft.Extensions.Logging;
using Tracer.Docker;

namespace Tracer.Synthesis;

/// <summary>What <see cref="Synthesizer.RunAsync"/> builds, and from what.</summary>
public sealed record SynthesisOptions
{
    /// <summary>Source image: name, name:tag or id.</summary>
    public required string Image { get; init; }
    /// <summary>trace.json files (or directories holding one); several merge.</summary>
    public required IReadOnlyList<string> Traces { get; init; }
    /// <summary>NAME:TAG for the minimal image (":latest" when no tag is given).</summary>
    public required string Tag { get; init; }
    /// <summary>Where rootfs.tar, Dockerfile, kept.txt and config.json are written.</summary>
    public required string OutputDirectory { get; init; }
    public IReadOnlyList<string> Includes { get; init; } = [];
    /// <summary>Users the function runs as besides the image's USER (a spec's <c>user:</c>):
    /// the runtime looks them up in the minimal image's /etc/passwd and /etc/group.</summary>
    public IReadOnlyList<string> RunAs { get; init; } = [];
    public IReadOnlyList<string> Excludes { get; init; } = [];
    /// <summary>Accept traces recorded on another image id.</summary>
    public bool Force { get; init; }
    /// <summary>Write the files but do not load the image (no engine needed after the save).</summary>
    public bool NoLoad { get; init; }
    /// <summary>Where the docker-save archive is spooled; the system temp dir by default.</summary>
    public string? TempDirectory { get; init; }
    /// <summary>An engine to use (the caller keeps ownership); connects to the default otherwise.</summary>
    public DockerEngine? Engine { get; init; }
    public ILogger? Logger { get; init; }
}
