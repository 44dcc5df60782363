using Tracer.Tracing;

namespace Tracer.Harness;

/// <summary>How one container run ended, and what the tracer saw (null when untraced).</summary>
public sealed record HostedRun(long ExitCode, string Stdout, string Stderr, bool TimedOut, TraceDocument? Trace);
