namespace Tracer.Docker;

/// <summary>
/// The host side of the gate (native/gate.c): a directory holding the gate binary and the
/// <c>release</c> FIFO, bind-mounted read-only at <see cref="MountPoint"/>. The container's
/// entrypoint becomes <see cref="Wrap(IEnumerable{string})"/>; the program starts only after
/// <see cref="ReleaseAsync"/>. Disposing removes the directory.
/// </summary>
public sealed class Gate : IDisposable
{
    public const string MountPoint = "/.tracer";
    public const string BinaryName = "tracer-gate";
    public const string FifoName = "release";
    /// <summary>Where the binary is taken from when set (build.sh sets it for tests).</summary>
    public const string BinaryVariable = "TRACER_GATE";

    /// <summary>Exit code of the gate itself failing or being aborted (gate.c).</summary>
    public const int ExitGateFailed = 125;
    public const int ExitNotExecutable = 126;
    public const int ExitNotFound = 127;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private Gate(string directory) => HostDirectory = directory;

    /// <summary>The host directory mounted at <see cref="MountPoint"/>.</summary>
    public string HostDirectory { get; }

    public string FifoPath => Path.Combine(HostDirectory, FifoName);

    /// <summary>The Docker bind string: <c>&lt;dir&gt;:/.tracer:ro</c>.</summary>
    public string Bind => $"{HostDirectory}:{MountPoint}:ro";

    /// <summary>
    /// Prepares a fresh gate directory holding <paramref name="binary"/>
    /// (default: <see cref="GateBinary.Locate()"/>) and the release FIFO.
    /// </summary>
    public static Gate Create(string? binary = null)
    {
        binary ??= GateBinary.Locate();
        var dir = GateDirectory.Create();
        try
        {
            var target = Path.Combine(dir, BinaryName);
            File.Copy(binary, target);
            File.SetUnixFileMode(target, GateDirectory.Executable);
            GateFifo.Make(Path.Combine(dir, FifoName));
            return new Gate(dir);
        }
        catch
        {
            GateDirectory.Remove(dir);
            throw;
        }
    }

    /// <summary>The entrypoint that runs <paramref name="command"/> behind the gate.</summary>
    public static IReadOnlyList<string> Wrap(IEnumerable<string> command)
    {
        List<string> wrapped = [$"{MountPoint}/{BinaryName}", .. command];
        if (wrapped.Count == 1)
        {
            throw new TracerException("nothing to run", "",
                "the image has neither Entrypoint nor Cmd; give a command", ErrorCategory.Usage);
        }
        return wrapped;
    }

    /// <summary>Entrypoint followed by Cmd, the way Docker combines them, behind the gate.</summary>
    public static IReadOnlyList<string> Wrap(IEnumerable<string>? entrypoint, IEnumerable<string>? cmd) =>
        Wrap((entrypoint ?? []).Concat(cmd ?? []));

    /// <summary>
    /// Lets the program start: waits (without blocking a thread) until the gate has the FIFO open,
    /// then writes the go byte. Fails fast when <paramref name="exited"/> completes first.
    /// </summary>
    public Task ReleaseAsync(Task? exited, TimeSpan timeout, CancellationToken ct) =>
        SendAsync(GateFifo.Go, exited, timeout, ct);

    /// <summary>Tells a waiting gate to exit 125 without starting the program; false when none waits.</summary>
    public bool Abort() => GateFifo.TrySend(FifoPath, GateFifo.Stop);

    public void Dispose() => GateDirectory.Remove(HostDirectory);

    private async Task SendAsync(byte value, Task? exited, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!GateFifo.TrySend(FifoPath, value))
        {
            if (exited is { IsCompleted: true })
            {
                throw new TracerException("container exited before the gate was released", FifoPath,
                    "its logs say why; the gate never opened the release FIFO", ErrorCategory.FunctionFailed);
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TracerException("gate not waiting for release", FifoPath,
                    $"the container did not open it within {timeout.TotalSeconds:0.#} s; is {Bind} mounted?",
                    ErrorCategory.Timeout);
            }
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }
}
