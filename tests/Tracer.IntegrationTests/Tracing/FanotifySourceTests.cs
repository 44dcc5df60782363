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
        var events = new List<AccessEvent>();
        using var subscription = source.Events.Subscribe(events.Add);
        source.Start();

        for (var i = 0; i < 5; i++)
        {
            await Run("cat", file);
        }
        _ = Directory.GetFiles(Path.Combine(_mount, "dir"));
        source.Stop();

        Assert.False(source.Overflowed);
        var data = Assert.Single(events, e => e.Path == file);
        Assert.Equal(AccessKind.Open, data.Kind);
        Assert.Equal("cat", data.Program);
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
