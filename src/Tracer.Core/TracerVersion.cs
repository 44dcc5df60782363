using System.Reflection;

namespace Tracer;

/// <summary>The tool's version, recorded in trace facts and in minimal images' labels.</summary>
public static class TracerVersion
{
    public static string Current { get; } =
        typeof(TracerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
