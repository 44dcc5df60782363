namespace Tracer.Harness.Spec;

/// <summary>How a probe exercises the function.</summary>
public enum ProbeKind
{
    /// <summary>The container's own command, run to completion.</summary>
    Run,
    /// <summary>A command run with docker exec in the running container.</summary>
    Exec,
    /// <summary>An HTTP request from the host to a port on 127.0.0.1.</summary>
    Http,
}
