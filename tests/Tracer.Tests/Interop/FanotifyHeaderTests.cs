using System.Diagnostics;
using Tracer.Tests.Infrastructure;
using static Tracer.Interop.Fanotify;

namespace Tracer.Tests.Interop;

/// <summary>Compiles a C program against the real &lt;sys/fanotify.h&gt; and compares what it
/// prints with the C# constants and struct layout.</summary>
public sealed class FanotifyHeaderTests
{
    private const string Program = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <stddef.h>
        #include <stdio.h>
        #include <sys/fanotify.h>
        #define P(x) printf(#x "=%llu\n", (unsigned long long)(x))
        int main(void) {
          P(FAN_CLOEXEC); P(FAN_NONBLOCK); P(FAN_CLASS_NOTIF); P(FAN_UNLIMITED_QUEUE);
          P(FAN_OPEN); P(FAN_OPEN_EXEC); P(FAN_Q_OVERFLOW); P(FAN_ONDIR);
          P(FAN_MARK_ADD); P(FAN_MARK_IGNORED_MASK); P(FAN_MARK_IGNORED_SURV_MODIFY);
          P(FAN_MARK_FILESYSTEM); P(FANOTIFY_METADATA_VERSION); P(O_CLOEXEC);
          P(offsetof(struct fanotify_event_metadata, event_len));
          P(offsetof(struct fanotify_event_metadata, vers));
          P(offsetof(struct fanotify_event_metadata, metadata_len));
          P(offsetof(struct fanotify_event_metadata, mask));
          P(offsetof(struct fanotify_event_metadata, fd));
          P(offsetof(struct fanotify_event_metadata, pid));
          P(FAN_EVENT_METADATA_LEN);
          return 0;
        }
        """;

    [Fact]
    public async Task Constants_MatchRealHeader()
    {
        var gcc = Requirements.FindOnPath("gcc") ?? Requirements.FindOnPath("cc");
        Assert.True(gcc is not null, "needs gcc (the build machine has it)");
        var dir = Directory.CreateTempSubdirectory("tracer-fanotify-h-").FullName;
        try
        {
            var source = Path.Combine(dir, "h.c");
            var exe = Path.Combine(dir, "h");
            await File.WriteAllTextAsync(source, Program);
            await Run(gcc!, ["-std=c11", "-Wall", "-Werror", "-o", exe, source]);
            var values = (await Run(exe, []))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(static l => l.Split('='))
                .ToDictionary(static p => p[0], static p => ulong.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(FAN_CLOEXEC, values["FAN_CLOEXEC"]);
            Assert.Equal(FAN_NONBLOCK, values["FAN_NONBLOCK"]);
            Assert.Equal(FAN_CLASS_NOTIF, values["FAN_CLASS_NOTIF"]);
            Assert.Equal(FAN_UNLIMITED_QUEUE, values["FAN_UNLIMITED_QUEUE"]);
            Assert.Equal(FAN_OPEN, values["FAN_OPEN"]);
            Assert.Equal(FAN_OPEN_EXEC, values["FAN_OPEN_EXEC"]);
            Assert.Equal(FAN_Q_OVERFLOW, values["FAN_Q_OVERFLOW"]);
            Assert.Equal(FAN_ONDIR, values["FAN_ONDIR"]);
            Assert.Equal(FAN_MARK_ADD, values["FAN_MARK_ADD"]);
            Assert.Equal(FAN_MARK_IGNORED_MASK, values["FAN_MARK_IGNORED_MASK"]);
            Assert.Equal(FAN_MARK_IGNORED_SURV_MODIFY, values["FAN_MARK_IGNORED_SURV_MODIFY"]);
            Assert.Equal(FAN_MARK_FILESYSTEM, values["FAN_MARK_FILESYSTEM"]);
            Assert.Equal(FANOTIFY_METADATA_VERSION, values["FANOTIFY_METADATA_VERSION"]);
            Assert.Equal((ulong)O_CLOEXEC, values["O_CLOEXEC"]);
            Assert.Equal((ulong)event_len_offset, values["offsetof(struct fanotify_event_metadata, event_len)"]);
            Assert.Equal((ulong)vers_offset, values["offsetof(struct fanotify_event_metadata, vers)"]);
            Assert.Equal((ulong)metadata_len_offset, values["offsetof(struct fanotify_event_metadata, metadata_len)"]);
            Assert.Equal((ulong)mask_offset, values["offsetof(struct fanotify_event_metadata, mask)"]);
            Assert.Equal((ulong)fd_offset, values["offsetof(struct fanotify_event_metadata, fd)"]);
            Assert.Equal((ulong)pid_offset, values["offsetof(struct fanotify_event_metadata, pid)"]);
            Assert.Equal((ulong)FAN_EVENT_METADATA_LEN, values["FAN_EVENT_METADATA_LEN"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> Run(string file, string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{file} failed: {error}");
        return output;
    }
}
