namespace Tracer.Tests.Infrastructure;

/// <summary>
/// A fact that needs root, Docker, strace or fanotify: skipped with the reason when the machine
/// lacks it, except under CI=true, where it runs (and fails) so nothing passes by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(Requirement needs)
    {
        if (!Requirements.InCi && Requirements.Missing(needs) is { } reason)
        {
            Skip = reason;
        }
    }
}
