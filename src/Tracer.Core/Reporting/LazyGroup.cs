namespace Tracer.Reporting;

/// <summary>A well-known set of files that programs load only on some code paths (CASES 10).</summary>
public sealed record LazyGroup(string Name, string Where, Func<string, bool> Contains)
{
    /// <summary>The groups the report checks, with a short description of where they live.</summary>
    public static IReadOnlyList<LazyGroup> Known { get; } =
    [
        new("TLS certificates", "/etc/ssl, /usr/share/ca-certificates, /usr/lib/ssl",
            static p => Under(p, "/etc/ssl/") || Under(p, "/usr/share/ca-certificates/") || Under(p, "/usr/lib/ssl/")),
        new("timezone data", "/usr/share/zoneinfo", static p => Under(p, "/usr/share/zoneinfo/")),
        new("locales", "/usr/lib/locale, /usr/share/i18n",
            static p => Under(p, "/usr/lib/locale/") || Under(p, "/usr/share/i18n/")),
        new("gconv modules", "…/gconv/", static p => p.Contains("/gconv/", StringComparison.Ordinal)),
        new("NSS modules", "libnss_*.so*",
            static p => p[(p.LastIndexOf('/') + 1)..].StartsWith("libnss_", StringComparison.Ordinal)),
        new("OpenSSL engines and providers", "…/engines-3/, …/ossl-modules/",
            static p => p.Contains("/engines-3/", StringComparison.Ordinal)
                || p.Contains("/ossl-modules/", StringComparison.Ordinal)),
        new("dlopen plugins", "…/sasl2/, …/gio/modules/, …/gdk-pixbuf-2.0/",
            static p => p.Contains("/sasl2/", StringComparison.Ordinal)
                || p.Contains("/gio/modules/", StringComparison.Ordinal)
                || p.Contains("/gdk-pixbuf-2.0/", StringComparison.Ordinal)),
    ];

    private static bool Under(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal);
}
