namespace Tracer.Tests.Infrastructure;

/// <summary>What a test needs from the machine.</summary>
[Flags]
public enum Requirement
{
    None = 0,
    Root = 1,
    Docker = 2,
    Strace = 4,
    Fanotify = 8,
}
