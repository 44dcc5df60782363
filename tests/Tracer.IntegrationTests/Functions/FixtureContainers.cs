using System.Diagnostics;
using System.Net.Sockets;
using Tracer.Docker;
using PortBinding = Docker.DotNet.Models.PortBinding;

namespace Tracer.IntegrationTests.Functions;

/// <summary>
/// Containers one test starts from fixture images: labelled with this test run's id and all
/// removed on dispose, whatever happened in between.
/// </summary>
public sealed class FixtureContainers : IAsyncDisposable
{
    /// <summary>This test process's id on everything it creates.</summary>
    public static string RunId { get; } = "fixtures-" + Guid.NewGuid().ToString("N")[..12];

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private readonly List<string> created = [];

    public DockerEngine Engine { get; } = DockerEngine.Connect();

    /// <summary>Creates and starts a container; the test run's label is added.</summary>
    public async Task<string> StartAsync(ContainerSpec spec)
    {
        var labels = new Dictionary<string, string>(spec.Labels) { [DockerLabels.TestRun] = RunId };
        var id = await Engine.CreateAsync(spec with { Labels = labels }, CancellationToken.None);
        created.Add(id);
        await Engine.StartAsync(id, CancellationToken.None);
        return id;
    }

    /// <summary>Runs a container to completion (a plain `docker run`) and returns what it printed.</summary>
    public async Task<ContainerOutput> RunAsync(ContainerSpec spec)
    {
        var id = await StartAsync(spec);
        using var timeout = new CancellationTokenSource(RunTimeout);
        var exit = await Engine.WaitAsync(id, timeout.Token);
        var (stdout, stderr) = await Engine.LogsAsync(id, CancellationToken.None);
        return new ContainerOutput(exit, stdout, stderr);
    }

    /// <summary>The 127.0.0.1 port Docker published for <paramref name="containerPort"/>.</summary>
    public async Task<int> HostPortAsync(string id, string containerPort)
    {
        var inspect = await Engine.Client.Containers.InspectContainerAsync(id, CancellationToken.None);
        IList<PortBinding>? bindings = null;
        if (inspect.NetworkSettings?.Ports?.TryGetValue(containerPort, out bindings) != true || bindings is null)
        {
            throw new InvalidOperationException($"{containerPort} is not published");
        }
        var binding = bindings.Single(static b => b.HostIP == "127.0.0.1");
        return int.Parse(binding.HostPort, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Polls GET <paramref name="path"/> on loopback until it answers 200; fails with the
    /// container's logs when it exits or the time runs out.
    /// </summary>
    public async Task<HttpClient> WaitHttpReadyAsync(string id, int hostPort, string path, TimeSpan limit)
    {
        var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{hostPort}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < limit)
        {
            var inspect = await Engine.Client.Containers.InspectContainerAsync(id, CancellationToken.None);
            if (inspect.State is { Running: false } state)
            {
                break;
            }
            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return http;
                }
                last = $"status {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        http.Dispose();
        var (stdout, stderr) = await Engine.LogsAsync(id, CancellationToken.None);
        throw new TimeoutException(
            $"{DockerEngine.Short(id)} not ready on {path} after {clock.Elapsed.TotalSeconds:0} s ({last})\n"
            + stdout + stderr);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in created)
        {
            await Engine.RemoveAsync(id);
        }
        Engine.Dispose();
    }
}
