namespace Tracer.Tracing;

/// <summary>Receives accesses from a trace source. Paths are absolute and interned.</summary>
public interface IAccessSink
{
    void OnAccess(in AccessEvent access);
}
