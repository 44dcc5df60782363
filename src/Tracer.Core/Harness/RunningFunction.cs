using Tracer.Docker;

namespace Tracer.Harness;

/// <summary>A started container of the function, handed to the probes while it runs.</summary>
public sealed record RunningFunction(DockerEngine Engine, string ContainerId);
