using System.Security.Cryptography;
using System.Text;

namespace Tracer.IntegrationTests.Infrastructure;

/// <summary>
/// A 2 MB image with Debian's busybox-static and its applet links (sh, sleep, kill, …), built
/// from Debian packages with mmdebstrap + docker import and cached by a hash of the recipe.
/// </summary>
internal static class BusyboxImage
{
    public const string RecipeLabel = "io.tracer.recipe-hash";

    private const string LinkApplets =
        "for a in $(chroot \"$1\" /bin/busybox --list); do [ -e \"$1/bin/$a\" ] || ln -s busybox \"$1/bin/$a\"; done";

    private static readonly string[] Recipe =
    [
        "--variant=extract", "--include=busybox-static", "--quiet", $"--extract-hook={LinkApplets}", "bookworm",
    ];

    private static readonly string Hash = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Recipe))));

    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    public static string Tag { get; } = $"tracer-test/busybox:{Hash[..12]}";

    /// <summary>The image tag, building it on first use unless the engine has it already.</summary>
    public static Task<string> GetAsync() => Built.Value;

    private static async Task<string> BuildAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var found = await ProcessRunner.RunAsync("docker",
            ["images", "--quiet", "--filter", $"label={RecipeLabel}={Hash}", Tag], cts.Token).ConfigureAwait(false);
        if (found.Trim().Length > 0)
        {
            return Tag;
        }
        var dir = Directory.CreateTempSubdirectory("tracer-busybox-");
        try
        {
            var tar = Path.Combine(dir.FullName, "rootfs.tar");
            await ProcessRunner.RunAsync("mmdebstrap", [.. Recipe, tar], cts.Token).ConfigureAwait(false);
            await ProcessRunner.RunAsync("docker",
            [
                "import", "--change", $"LABEL {RecipeLabel}={Hash}",
                "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "--change", "CMD [\"/bin/sh\"]", tar, Tag,
            ], cts.Token).ConfigureAwait(false);
            return Tag;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
