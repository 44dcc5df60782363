using Microsoft.Extensions.Logging;

namespace Tracer.Tracing;

/// <summary>What an operator needs to follow a traced run (source-generated log methods).</summary>
internal static partial class TracingLog
{
    [LoggerMessage(1, LogLevel.Information, "Container {ContainerId} of {Image} started; gate pid {Pid}")]
    public static partial void ContainerStarted(ILogger logger, string containerId, string image, int pid);

    [LoggerMessage(2, LogLevel.Information, "Tracing armed ({Backend}); releasing the gate")]
    public static partial void Armed(ILogger logger, TraceBackend backend);

    [LoggerMessage(3, LogLevel.Information, "Container {ContainerId} exited with {ExitCode}")]
    public static partial void Exited(ILogger logger, string containerId, long exitCode);

    [LoggerMessage(4, LogLevel.Information,
        "Trace of {Image}: {Paths} paths from {Events} events in {Seconds:0.###} s")]
    public static partial void Done(ILogger logger, string image, int paths, long events, double seconds);

    [LoggerMessage(5, LogLevel.Warning, "strace: {Unresolved} relative paths unresolved, {Truncated} truncated")]
    public static partial void StraceGaps(ILogger logger, long unresolved, long truncated);

    [LoggerMessage(6, LogLevel.Information, "Container {ContainerId} removed")]
    public static partial void Removed(ILogger logger, string containerId);
}
