namespace Tracer.Harness.Spec;

/// <summary>An HTTP request sent from the host to the function on 127.0.0.1.</summary>
/// <param name="Port">The container port; published on 127.0.0.1 unless the network is host.</param>
/// <param name="BodyFile">Absolute path of the request body, when there is one.</param>
public sealed record HttpRequestSpec(
    int Port,
    string Method,
    string Path,
    string? BodyFile,
    string? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
