namespace Tracer.Tracing.Fanotify;

/// <summary>How the fanotify source runs.</summary>
public sealed record FanotifyOptions
{
    /// <summary>FAN_UNLIMITED_QUEUE: off by default, so a flood is an overflow error, not
    /// unbounded kernel memory.</summary>
    public bool UnlimitedQueue { get; init; }

    /// <summary>How often the reader empties the queue while the function runs (the rest is
    /// read after it exits). Short enough that the default queue cannot fill from opens of
    /// new files between two reads.</summary>
    public TimeSpan DrainInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Test knob: read nothing until <see cref="FanotifySource.Stop"/>, so the default
    /// 16384-event queue can overflow on purpose.</summary>
    public bool DeferReading { get; init; }

    /// <summary>FAN_ONDIR: report opens of directories too. A trace that runs a syscall tracer
    /// beside fanotify (ebpf+fanotify, both) turns it off: that tracer sees every directory a
    /// syscall opens, and on a walk of a tree these events were most of fanotify's work.</summary>
    public bool Directories { get; init; } = true;

    /// <summary>Host path of the container's rootfs (overlay "merged"): stripped when an event
    /// path shows it. On this machine readlink of the event fd already yields the container
    /// view.</summary>
    public string? HostRootPrefix { get; init; }
}
