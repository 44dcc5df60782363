using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>One <c>tracer slim</c> run: what to read, where to write, how to trace and repair.</summary>
public sealed record SlimOptions
{
    public required string SpecPath { get; init; }
    /// <summary>The minimal image's tag; default: the original's repository with tag "slim".</summary>
    public string? Tag { get; init; }
    /// <summary>Output folder for report, trace and synthesis files; default: out/slim-&lt;name&gt;.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>auto (ebpf+fanotify when the kernel allows it, else both), or a backend name.</summary>
    public string Tracer { get; init; } = "auto";
    /// <summary>How many times missing paths may be added and the image rebuilt.</summary>
    public int RepairRounds { get; init; }
    /// <summary>Labels put on every container of the run, besides the session's own.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public static readonly string[] Tracers = ["auto", .. TraceBackends.Names];

    /// <summary>The default tag: same repository, tag "slim" (<c>a/b:latest</c> → <c>a/b:slim</c>).</summary>
    public static string DefaultTag(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            name = name[..colon];
        }
        return name + ":slim";
    }
}
