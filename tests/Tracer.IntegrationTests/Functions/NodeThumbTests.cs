using System.Net;
using System.Net.Http.Headers;
using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;

namespace Tracer.IntegrationTests.Functions;

/// <summary>node-thumb on its original image: HTTP on a port published on 127.0.0.1 only.</summary>
public sealed class NodeThumbTests
{
    private const string Name = "node-thumb";
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [RequiresFact(Requirement.Docker)]
    public async Task Probes_OriginalImage_ResizeToWebpAndPng()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();
        var id = await containers.StartAsync(new ContainerSpec { Image = image, LoopbackPorts = ["8080/tcp"] });
        using var http = await containers.WaitHttpReadyAsync(id,
            await containers.HostPortAsync(id, "8080/tcp"), "/healthz", Ready);
        var cat = await File.ReadAllBytesAsync(Path.Combine(FixtureImages.Folder(Name), "probes", "cat.png"));

        var (webpStatus, webpType, webp) = await PostAsync(http, "/resize?width=64", cat);
        var (pngStatus, pngType, png) = await PostAsync(http, "/resize?width=32&format=png", cat);
        var (badStatus, badType, _) = await PostAsync(http, "/resize", "not an image"u8.ToArray());

        Assert.Equal((HttpStatusCode.OK, "image/webp"), (webpStatus, webpType));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(webp, 8, 4));
        Assert.Equal((HttpStatusCode.OK, "image/png"), (pngStatus, pngType));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/json"), (badStatus, badType));
    }

    [RequiresFact(Requirement.Docker)]
    public async Task NodeTests_OriginalImage_Pass()
    {
        var image = await FixtureImages.EnsureAsync(Name);
        await using var containers = new FixtureContainers();

        var output = await containers.RunAsync(new ContainerSpec { Image = image, Cmd = ["--test", "/app/test/"] });

        Assert.True(output.ExitCode == 0, output.Stdout + output.Stderr);
        Assert.Contains("# fail 0", output.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? Type, byte[] Body)> PostAsync(
        HttpClient http, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await http.PostAsync(path, content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsByteArrayAsync());
    }
}
