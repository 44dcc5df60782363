using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tracer.Docker;

/// <summary>
/// The few engine operations Tracer needs, with engine errors turned into
/// <see cref="TracerException"/>s the CLI can print as one line.
/// </summary>
public sealed partial class DockerEngine(DockerClient client) : IDisposable
{
    public DockerClient Client { get; } = client;

    public static DockerEngine Connect(Uri? endpoint = null) => new(DockerConnection.Create(endpoint));

    /// <summary>Checks the daemon answers; throws an environment error when it does not.</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        try
        {
            await Client.System.PingAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw DaemonDown(e);
        }
    }

    /// <summary>Inspects an image; an unknown name is a usage error naming it.</summary>
    public async Task<ImageInspectResponse> InspectImageAsync(string image, CancellationToken ct)
    {
        try
        {
            return await Client.Images.InspectImageAsync(image, ct).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new TracerException("unknown image", image,
                "build or load it first; 'docker images' lists what the engine has",
                ErrorCategory.Usage, e);
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

    /// <summary>Creates (does not start) a container; returns its id. The request itself is not
    /// cancelled: the engine may finish a create whose caller has gone, leaving a container no
    /// one removes. Once it returns, a cancelled <paramref name="ct"/> removes it and throws.</summary>
    public async Task<string> CreateAsync(ContainerSpec spec, CancellationToken ct)
    {
        var labels = new Dictionary<string, string>(spec.Labels) { [DockerLabels.Managed] = "true" };
        var ports = spec.LoopbackPorts.ToDictionary(
            static p => Normalise(p),
            static _ => (IList<PortBinding>)[new PortBinding { HostIP = "127.0.0.1", HostPort = "" }]);
        var parameters = new CreateContainerParameters
        {
            Image = spec.Image,
            Entrypoint = spec.Entrypoint?.ToList()!,
            Cmd = spec.Cmd?.ToList()!,
            Env = spec.Env.ToList(),
            User = spec.User!,
            WorkingDir = spec.WorkingDir!,
            Labels = labels,
            OpenStdin = spec.OpenStdin,
            StdinOnce = spec.OpenStdin,
            AttachStdin = spec.OpenStdin,
            ExposedPorts = ports.Keys.ToDictionary(static k => k, static _ => new EmptyStruct()),
            HostConfig = new HostConfig
            {
                Binds = spec.Binds.ToList(),
                NetworkMode = spec.NetworkMode!,
                PortBindings = ports,
            },
        };
        string id;
        try
        {
            var created = await Client.Containers.CreateContainerAsync(parameters, CancellationToken.None)
                .ConfigureAwait(false);
            id = created.ID;
        }
        catch (DockerImageNotFoundException e)
        {
            throw new TracerException("unknown image", spec.Image, "build or load it first",
                ErrorCategory.Usage, e);
        }
        catch (DockerApiException e) when (IsRefusal(e))
        {
            throw Refused("container rejected by the Docker engine", spec.Image, e);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw DaemonDown(e);
        }
        if (ct.IsCancellationRequested)
        {
            await RemoveAsync(id).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
        return id;
    }

    /// <summary>Starts a created container. A start the engine refuses (unknown user, bad
    /// mount, a command the runtime cannot exec) is a usage error carrying its message.</summary>
    public async Task StartAsync(string id, CancellationToken ct)
    {
        try
        {
            await Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e) when (IsRefusal(e))
        {
            if (UserFaults.Any(f => EngineMessage(e).Contains(f, StringComparison.Ordinal)))
            {
                var inspect = await Client.Containers.InspectContainerAsync(id, CancellationToken.None)
                    .ConfigureAwait(false);
                throw Refused("the Docker engine could not start the container as its user",
                    inspect.Config?.User ?? "", e, UserHint);
            }
            throw Refused("the Docker engine could not start the container", Short(id), e);
        }
    }

    /// <summary>The container's init process as the host sees it (0 when not running).</summary>
    public async Task<int> PidAsync(string id, CancellationToken ct)
    {
        var inspect = await Client.Containers.InspectContainerAsync(id, ct).ConfigureAwait(false);
        return (int)(inspect.State?.Pid ?? 0);
    }

    /// <summary>Waits for the container to exit; returns its exit code.</summary>
    public async Task<long> WaitAsync(string id, CancellationToken ct)
    {
        var result = await Client.Containers.WaitContainerAsync(id, ct).ConfigureAwait(false);
        return result.StatusCode;
    }

    public async Task<(string Stdout, string Stderr)> LogsAsync(string id, CancellationToken ct)
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true };
        using var stream = await Client.Containers.GetContainerLogsAsync(id, parameters, ct).ConfigureAwait(false);
        return await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Runs a command in a running container and collects its output.</summary>
    public async Task<ContainerOutput> ExecAsync(string id, IReadOnlyList<string> command,
        string? user, string? workingDir, IReadOnlyList<string>? env, CancellationToken ct)
    {
        var exec = await Client.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters
        {
            Cmd = command.ToList(),
            User = user!,
            WorkingDir = workingDir!,
            Env = env?.ToList()!,
            AttachStdout = true,
            AttachStderr = true,
        }, ct).ConfigureAwait(false);
        using var stream = await Client.Exec.StartContainerExecAsync(exec.ID,
            new ContainerExecStartParameters(), ct).ConfigureAwait(false);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
        var inspect = await Client.Exec.InspectContainerExecAsync(exec.ID, ct).ConfigureAwait(false);
        return new ContainerOutput(inspect.ExitCode ?? -1, stdout, stderr);
    }

    public async Task KillAsync(string id, string signal, CancellationToken ct)
    {
        try
        {
            await Client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = signal }, ct)
                .ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Already stopped: nothing to signal.
        }
    }

    /// <summary>Stops a container as <c>docker stop</c> does: its stop signal, then SIGKILL once
    /// <paramref name="grace"/> has passed (a PID 1 without a handler ignores SIGTERM).</summary>
    public async Task StopAsync(string id, TimeSpan grace, CancellationToken ct)
    {
        try
        {
            await Client.Containers.StopContainerAsync(id,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)grace.TotalSeconds }, ct).ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Already stopped or gone: nothing to stop.
        }
    }

    /// <summary>Removes a container, running or not. Never throws for one already gone.</summary>
    public async Task RemoveAsync(string id)
    {
        try
        {
            // Not cancellable on purpose: cleanup must finish even after Ctrl-C.
            await Client.Containers.RemoveContainerAsync(id,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Removal already in progress.
        }
    }

    /// <summary>Removes every container carrying <paramref name="label"/>=<paramref name="value"/>.</summary>
    public async Task<int> RemoveLabelledAsync(string label, string value)
    {
        var list = await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true },
            },
        }, CancellationToken.None).ConfigureAwait(false);
        foreach (var c in list)
        {
            await RemoveAsync(c.ID).ConfigureAwait(false);
        }
        return list.Count;
    }

    /// <summary>Container ids are shown as 12 characters.</summary>
    public static string Short(string id) => id.Length > 12 ? id[..12] : id;

    public void Dispose() => Client.Dispose();

    private static string Normalise(string port) => port.Contains('/', StringComparison.Ordinal) ? port : port + "/tcp";
}
