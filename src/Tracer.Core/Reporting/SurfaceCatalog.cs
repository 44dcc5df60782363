using System.Text.RegularExpressions;

namespace Tracer.Reporting;

/// <summary>
/// Names that put a program in a <see cref="SurfaceCategory"/>. Only programs in the usual
/// bin folders count: a file called <c>sh</c> under /usr/share is data, not a shell.
/// </summary>
public static partial class SurfaceCatalog
{
    private static readonly string[] BinDirectories =
        ["/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/"];

    [GeneratedRegex(@"^(sh|bash|rbash|dash|ash|busybox|zsh|ksh|ksh93|mksh|pdksh|csh|tcsh|fish|yash)$")]
    private static partial Regex Shell();

    [GeneratedRegex(@"^(apt|apt-.*|aptitude|dpkg|dpkg-.*|pip[0-9.]*|npm|npx|yarn|pnpm|gem|bundle|apk|yum|dnf|microdnf|rpm|zypper|conda|easy_install.*)$")]
    private static partial Regex PackageManager();

    [GeneratedRegex(@"^(wget|curl|nc|netcat|nc\.[a-z]+|ncat|socat|ftp|tftp|scp|sftp|ssh|rsync|telnet|aria2c|lynx|links|w3m|lftp)$")]
    private static partial Regex DownloadTool();

    [GeneratedRegex(@"^(base64|base32|basenc|xxd|uuencode|uudecode|hexdump|od|openssl|gpg|gpg2|b2sum)$")]
    private static partial Regex Encoder();

    [GeneratedRegex(@"^(python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|php[0-9.]*|lua[0-9.]*|luajit|tclsh[0-9.]*|java|javac|gcc(-[0-9]+)?|g\+\+(-[0-9]+)?|cc|c\+\+|cpp(-[0-9]+)?|clang(\+\+)?|tcc|as|ld|ld\.bfd|ld\.gold|make|awk|gawk|mawk|nawk|dotnet)$")]
    private static partial Regex CompilerInterpreter();

    /// <summary>The program categories a path falls into (setuid/setgid is decided by mode, not name).</summary>
    public static SurfaceCategory? ProgramCategory(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0 || !BinDirectories.Any(d => d.Length == slash + 1 && path.StartsWith(d, StringComparison.Ordinal)))
        {
            return null;
        }
        var name = path[(slash + 1)..];
        return Shell().IsMatch(name) ? SurfaceCategory.Shells
            : PackageManager().IsMatch(name) ? SurfaceCategory.PackageManagers
            : DownloadTool().IsMatch(name) ? SurfaceCategory.DownloadTools
            : Encoder().IsMatch(name) ? SurfaceCategory.EncodersDecoders
            : CompilerInterpreter().IsMatch(name) ? SurfaceCategory.CompilersInterpreters
            : null;
    }

    /// <summary>Every category an inventory entry belongs to.</summary>
    public static IEnumerable<SurfaceCategory> Categories(InventoryEntry entry)
    {
        if (entry.Type != InventoryEntryType.Directory && ProgramCategory(entry.Path) is { } program)
        {
            yield return program;
        }
        if (entry.IsSetId)
        {
            yield return SurfaceCategory.SetIdFiles;
        }
    }
}
