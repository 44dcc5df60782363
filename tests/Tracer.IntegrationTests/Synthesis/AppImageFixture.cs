using System.Text.Json.Nodes;
using Tracer.Docker;
using Tracer.Synthesis;
using Tracer.Tests.Infrastructure;
using Tracer.Tracing;

namespace Tracer.IntegrationTests.Synthesis;

/// <summary>
/// One small "app" image (USER app, setgid and sticky dirs, hard links, config of every kind,
/// fake dpkg data, runtime files, a volume), a trace of its function, and two syntheses of it.
/// Built once per test class; removes every image it made.
/// </summary>
public sealed class AppImageFixture : IAsyncLifetime
{
    public const string Script = """
        #!/bin/sh
        echo "hello $GREETING $1 in $PWD"
        echo data > /app/cache/out.txt
        read line < /app/cache/out.txt
        echo "read $line"
        [ -f /app/bin/tool-alias ] && echo tool-ok
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-synth-it-").FullName;

    public DockerEngine Engine { get; } = DockerEngine.Connect();
    public string SourceId { get; private set; } = "";
    public string Tag { get; } = $"tracer-test/synth-app:{TestRun.Id}";
    public SynthesisResult First { get; private set; } = null!;
    public SynthesisResult Second { get; private set; } = null!;
    public string FirstDir => Path.Combine(_dir, "out1");
    public string SecondDir => Path.Combine(_dir, "out2");
    public string TracePath => Path.Combine(_dir, "trace", TraceFile.TraceFileName);

    public async Task InitializeAsync()
    {
        if (!Requirements.InCi && Requirements.Missing(Requirement.Docker) is not null)
        {
            return;
        }
        SourceId = await Image().LoadAsync(Engine, _dir);
        TraceFile.Write(Path.GetDirectoryName(TracePath)!, new TraceDocument(new TraceFacts
        {
            Image = "app",
            ImageId = SourceId,
            BindMounts = ["/data", "/.tracer"],
        }, Accesses()));
        First = await SynthesizeAsync(FirstDir);
        Second = await SynthesizeAsync(SecondDir);
    }

    public Task<SynthesisResult> SynthesizeAsync(string outDir, bool force = false, string? trace = null) =>
        Synthesizer.RunAsync(new SynthesisOptions
        {
            Image = SourceId,
            Traces = [trace ?? TracePath],
            Tag = Tag,
            OutputDirectory = outDir,
            Force = force,
            TempDirectory = _dir,
            Engine = Engine,
        }, CancellationToken.None);

    /// <summary>Runs an image with its own config; returns exit code and stdout.</summary>
    public async Task<(long Code, string Stdout, string Stderr)> RunAsync(string image, IReadOnlyList<string>? cmd = null)
    {
        var id = await Engine.CreateAsync(new ContainerSpec
        {
            Image = image,
            Cmd = cmd,
            NetworkMode = "none",
            Labels = TestRun.Labels,
        }, CancellationToken.None);
        try
        {
            await Engine.StartAsync(id, CancellationToken.None);
            var code = await Engine.WaitAsync(id, CancellationToken.None);
            var (stdout, stderr) = await Engine.LogsAsync(id, CancellationToken.None);
            return (code, stdout, stderr);
        }
        finally
        {
            await Engine.RemoveAsync(id);
        }
    }

    public async Task DisposeAsync()
    {
        if (SourceId.Length > 0)
        {
            await Engine.RemoveImageAsync(Tag);
            await Engine.RemoveImageAsync(First?.ImageId ?? Tag);
            await Engine.RemoveImageAsync(SourceId);
        }
        Engine.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static SmallImage Image()
    {
        var image = new SmallImage().WithHostShell()
            .File("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1::/:/bin/false\napp:x:1000:1000::/app:/bin/sh\n")
            .File("/etc/group", "root:x:0:\ndaemon:x:1:\nstaff:x:50:\napp:x:1000:\n")
            .File("/usr/bin/unused", "unused\n", 0b111_101_101)
            .Dir("/app", 0b010_111_111_101, 1000, 1000)
            .File("/app/run.sh", Script, 0b111_101_101, 1000, 1000)
            .File("/app/notes.txt", "not needed\n", 0b110_100_000, 1000, 1000)
            .Dir("/app/cache", 0b010_111_111_000, 1000, 1000)
            .Dir("/app/shared", 0b1_111_111_111, 1000, 1000)
            .Dir("/app/bin", 0b111_101_101, 1000, 1000)
            .File("/app/bin/tool", "tool\n", 0b111_101_101, 1000, 1000)
            .HardLink("/app/bin/tool-alias", "/app/bin/tool")
            .Dir("/data").File("/data/seed", "volume content\n")
            .Dir("/var").Dir("/var/lib").Dir("/var/lib/dpkg").Dir("/var/lib/dpkg/info")
            .File("/var/lib/dpkg/info/dash.list", "/.\n/bin\n/bin/dash\n/bin/sh\n")
            .File("/var/lib/dpkg/info/libc6:amd64.list",
                "/.\n/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/libc.so.6\n/lib64\n/lib64/ld-linux-x86-64.so.2\n")
            .File("/var/lib/dpkg/info/unused.list", "/.\n/usr\n/usr/bin\n/usr/bin/unused\n")
            .File("/var/lib/dpkg/status", """
                Package: dash
                Status: install ok installed
                Priority: required
                Installed-Size: 200
                Maintainer: Debian <debian@example.org>
                Architecture: amd64
                Version: 0.5.12-2
                Depends: libc6
                Conffiles:
                 /etc/dash.conf 0123
                Description: POSIX-compliant shell
                 A long description.

                Package: libc6
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Source: glibc
                Version: 2.36-9
                Description: GNU C Library

                Package: unused
                Status: install ok installed
                Architecture: amd64
                Version: 1.0

                """);
        var c = image.Config;
        c["Entrypoint"] = new JsonArray("/app/run.sh");
        c["Cmd"] = new JsonArray("arg1");
        c["Env"] = new JsonArray("PATH=/usr/bin:/bin", "GREETING=world");
        c["WorkingDir"] = "/app";
        c["User"] = "app";
        c["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() };
        c["Volumes"] = new JsonObject { ["/data"] = new JsonObject() };
        c["StopSignal"] = "SIGINT";
        c["Healthcheck"] = new JsonObject
        {
            ["Test"] = new JsonArray("CMD-SHELL", "test -d /app"),
            ["Interval"] = 30_000_000_000L,
            ["Timeout"] = 5_000_000_000L,
            ["Retries"] = 3,
        };
        c["Labels"]!["org.example.function"] = "demo";
        return image;
    }

    /// <summary>What tracing this function reports: fanotify's final names, strace's names
    /// through links, runtime files, the gate, a created file, a volume.</summary>
    private static AccessSet Accesses()
    {
        var set = new AccessSet();
        void Add(string path, AccessKind kind) => set.Add(path, kind, 7, "sh");
        Add("/.tracer/tracer-gate", AccessKind.Exec);
        Add("/app/run.sh", AccessKind.Exec | AccessKind.Open);
        Add("/bin/sh", AccessKind.Exec);
        Add("/usr/bin/dash", AccessKind.Exec);
        Add("/etc/hosts", AccessKind.Open);
        Add("/etc/resolv.conf", AccessKind.Open);
        Add("/etc/hostname", AccessKind.Stat);
        Add("/proc/self/status", AccessKind.Open);
        Add("/dev/null", AccessKind.Open);
        Add("/data/seed", AccessKind.Open);
        Add("/app/cache/out.txt", AccessKind.Create | AccessKind.Open);
        Add("/app/bin/tool", AccessKind.Stat);
        Add("/app/bin/tool-alias", AccessKind.Stat);
        Add("/app/shared", AccessKind.Dir);
        Add("/app", AccessKind.Dir);
        Add("/usr/bin/nothere", AccessKind.Missing);
        return set;
    }
}
