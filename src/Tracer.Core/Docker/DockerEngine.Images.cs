using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tracer.Docker;

/// <summary>Image transfer: save (the synthesizer's input) and load/tag/remove (its output).</summary>
public sealed partial class DockerEngine
{
    /// <summary>The docker-save archive of one image (manifest.json, config, layer tars).</summary>
    public async Task<Stream> SaveImageAsync(string image, CancellationToken ct)
    {
        try
        {
            return await Client.Images.SaveImageAsync(image, ct).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new TracerException("unknown image", image, "build or load it first", ErrorCategory.Usage, e);
        }
        catch (DockerApiException e) when (IsRefusal(e))
        {
            throw Refused("image reference rejected by the Docker engine", image, e, ImageHint);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw DaemonDown(e);
        }
    }

    /// <summary>Loads a docker-load archive; returns the engine's messages. An error the engine
    /// reports in its progress stream is thrown as an environment error.</summary>
    public async Task<IReadOnlyList<string>> LoadImageAsync(Stream archive, CancellationToken ct)
    {
        var progress = new LoadProgress();
        try
        {
            await Client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, archive, progress, ct)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw DaemonDown(e);
        }
        if (progress.Error is { } error)
        {
            throw new TracerException("the engine refused the image archive", error,
                "see the daemon log", ErrorCategory.Environment);
        }
        return progress.Messages;
    }

    /// <summary>True when the engine has an image of that id or name.</summary>
    public async Task<bool> ImageExistsAsync(string image, CancellationToken ct)
    {
        try
        {
            await Client.Images.InspectImageAsync(image, ct).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Tags an image as NAME:TAG, moving the tag if another image had it.</summary>
    public Task TagImageAsync(string imageId, string repository, string tag, CancellationToken ct) =>
        Client.Images.TagImageAsync(imageId,
            new ImageTagParameters { RepositoryName = repository, Tag = tag }, ct);

    /// <summary>Removes an image by id or name; one already gone is fine.</summary>
    public async Task RemoveImageAsync(string image)
    {
        try
        {
            await Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
        }
    }

    /// <summary>Collects load messages synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class LoadProgress : IProgress<JSONMessage>
    {
        public List<string> Messages { get; } = [];
        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (!string.IsNullOrEmpty(value.Stream))
            {
                Messages.Add(value.Stream.Trim());
            }
            Error ??= value.Error?.Message;
        }
    }
}
