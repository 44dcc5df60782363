using System.Diagnostics;
using System.Reactive.Linq;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;
using Tracer.Tracing.Fanotify;

namespace Tracer.IntegrationTests.Tracing;

/// <summary>FanotifySource on a private tmpfs: only this test's opens reach it.</summary>
public sealed class FanotifySourceTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("tracer-fan-").FullName;
    private bool _mounted;

    [RequiresFact(Requirement.Root | Requirement.Fanotify)]
    public async Task Stop_AfterRepeatedOpens_DrainsOneEventPerFileWithPathAndProgram()
    {
        await Run("mount", "-t", "tmpfs", "tracer-test", _mount);
        _mounted = true;
        var file = Path.Combine(_mount, "data.txt");
        await File.WriteAllTextAsync(file, "x");
        Directory.CreateDirectory(Path.Combine(_mount, "dir"));
        using var source = FanotifySource.Open();
        source.MarkFilesystem(_mount);
        var events = new System.Collections.Concurrent.ConcurrentQueue<AccessEvent>();
        using var subscription = source.Events.Subscribe(events.Enqueue);
        source.Start();

        // The program name is read from /proc/<pid>/comm when the event is decoded, so the
        // opener is one shell that stays alive until the source has drained. Its first open is
        // seen (and the ignore mark set) before the four repeats, which the mark must keep out.
        using var opener = Process.Start(new ProcessStartInfo("sh",
            ["-c", $"read x < '{file}'; echo first; read go; for i in 1 2 3 4; do read x < '{file}'; done; "
                + "echo done; sleep 60"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("first", await opener.StandardOutput.ReadLineAsync());
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!events.Any(e => e.Path == file) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            await opener.StandardInput.WriteLineAsync("go");
            await opener.StandardInput.FlushAsync();
            Assert.Equal("done", await opener.StandardOutput.ReadLineAsync());
            _ = Directory.GetFiles(Path.Combine(_mount, "dir"));
            source.Stop();
        }
        finally
        {
            opener.Kill(entireProcessTree: true);
        }

        Assert.False(source.Overflowed);
        var data = Assert.Single(events, e => e.Path == file);
        Assert.Equal(AccessKind.Open, data.Kind);
        Assert.Equal("sh", data.Program);
        var dir = Assert.Single(events, e => e.Path == Path.Combine(_mount, "dir"));
        Assert.Equal(AccessKind.Open | AccessKind.Dir, dir.Kind);
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Process.Start("umount", _mount)!.WaitForExit();
        }
        Directory.Delete(_mount, recursive: true);
    }

    private static async Task Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
    }
}
