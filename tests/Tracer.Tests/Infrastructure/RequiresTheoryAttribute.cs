namespace Tracer.Tests.Infrastructure;

/// <summary>The theory form of <see cref="RequiresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(Requirement needs)
    {
        if (!Requirements.InCi && Requirements.Missing(needs) is { } reason)
        {
            Skip = reason;
        }
    }
}
