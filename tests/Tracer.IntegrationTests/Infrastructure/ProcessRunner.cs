using System.Diagnostics;

namespace Tracer.IntegrationTests.Infrastructure;

/// <summary>Runs a host program for test set-up and fails with its output when it fails.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"cannot start '{file}'");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{file} {string.Join(' ', args)}' exited {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }
        return await stdout.ConfigureAwait(false);
    }
}
