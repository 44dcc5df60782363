using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;
using ContainerListProcessesParameters = Docker.DotNet.Models.ContainerListProcessesParameters;

namespace Tracer.IntegrationTests.Gate;

/// <summary>A busybox container whose command runs behind a real gate; removed on dispose.</summary>
internal sealed class GatedContainer : IAsyncDisposable
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(30);

    private readonly DockerEngine _engine = DockerEngine.Connect();
    private readonly Tracer.Docker.Gate _gate = Tracer.Docker.Gate.Create();
    private string? _id;
    private Task<long>? _exited;

    public string Id => _id ?? throw new InvalidOperationException("not started");

    public Task<long> Exited => _exited ?? throw new InvalidOperationException("not started");

    public static async Task<GatedContainer> StartAsync(IReadOnlyList<string> command, CancellationToken ct,
        IReadOnlyList<string>? env = null, string? user = null)
    {
        var image = await BusyboxImage.GetAsync();
        var container = new GatedContainer();
        try
        {
            container._id = await container._engine.CreateAsync(new ContainerSpec
            {
                Image = image,
                Entrypoint = Tracer.Docker.Gate.Wrap(command),
                Binds = [container._gate.Bind],
                Env = env ?? [],
                User = user,
                NetworkMode = "none",
                Labels = TestRun.Labels,
            }, ct);
            await container._engine.StartAsync(container.Id, ct);
            container._exited = container._engine.WaitAsync(container.Id, ct);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    public Task ReleaseAsync(CancellationToken ct) => _gate.ReleaseAsync(Exited, ReleaseTimeout, ct);

    public bool Abort() => _gate.Abort();

    public Task KillAsync(string signal, CancellationToken ct) => _engine.KillAsync(Id, signal, ct);

    public Task<int> PidAsync(CancellationToken ct) => _engine.PidAsync(Id, ct);

    public Task<(string Stdout, string Stderr)> LogsAsync(CancellationToken ct) => _engine.LogsAsync(Id, ct);

    /// <summary>The container's processes as the host's ps sees them (pid, stat, command).</summary>
    public async Task<IList<IList<string>>> ProcessesAsync(CancellationToken ct)
    {
        var top = await _engine.Client.Containers.ListProcessesAsync(Id,
            new ContainerListProcessesParameters { PsArgs = "-o pid,stat,comm" }, ct);
        return top.Processes ?? [];
    }

    /// <summary>Waits until the program has printed <paramref name="text"/> on stdout.</summary>
    public async Task WaitForOutputAsync(string text, CancellationToken ct)
    {
        while (!(await LogsAsync(ct)).Stdout.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(Exited.IsCompleted, $"container exited before printing '{text}'");
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Waits for the exit; returns the exit code and what the container printed.</summary>
    public async Task<ContainerOutput> ResultAsync(CancellationToken ct)
    {
        var code = await Exited.WaitAsync(ct);
        var (stdout, stderr) = await LogsAsync(ct);
        return new ContainerOutput(code, stdout, stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_id is not null)
        {
            await _engine.RemoveAsync(_id);
        }
        _gate.Dispose();
        _engine.Dispose();
    }
}
