namespace Tracer.Docker;

/// <summary>What a finished container or exec printed and how it ended.</summary>
public sealed record ContainerOutput(long ExitCode, string Stdout, string Stderr);
