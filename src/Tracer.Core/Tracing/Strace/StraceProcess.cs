namespace Tracer.Tracing.Strace;

/// <summary>What the parser knows about one traced task: the shared resolution state plus a
/// pending unfinished syscall.</summary>
internal sealed class StraceProcess : TracedTask
{
    /// <summary>Set once a line of this task was seen (a child made by clone() starts unseen).</summary>
    public bool Seen;
    /// <summary>A child printed during this task's unfinished clone and took a copy already.</summary>
    public bool ChildClaimed;
    public byte[] Pending = new byte[256];
    public int PendingLength = -1;

    public void SetPending(ReadOnlySpan<byte> text)
    {
        if (Pending.Length < text.Length)
        {
            Pending = new byte[Math.Max(text.Length, Pending.Length * 2)];
        }
        text.CopyTo(Pending);
        PendingLength = text.Length;
    }

    /// <summary>The state of a child cloned from this one.</summary>
    public StraceProcess Clone(bool shareFs, bool shareFiles)
    {
        var child = new StraceProcess();
        child.InheritFrom(this, shareFs, shareFiles);
        return child;
    }
}
