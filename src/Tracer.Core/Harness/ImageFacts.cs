using Docker.DotNet.Models;

namespace Tracer.Harness;

/// <summary>The parts of an image's config that decide how its function runs.</summary>
public sealed record ImageFacts(
    string Reference,
    string Id,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    string User,
    string WorkingDir,
    IReadOnlyList<string> Env)
{
    public static ImageFacts From(string reference, ImageInspectResponse inspect)
    {
        var config = inspect.Config;
        return new ImageFacts(reference, inspect.ID,
            config?.Entrypoint?.ToList() ?? [],
            config?.Cmd?.ToList() ?? [],
            config?.User ?? "",
            config?.WorkingDir ?? "",
            config?.Env?.ToList() ?? []);
    }
}
