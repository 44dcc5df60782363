using System.Buffers.Binary;
using ELFSharp.ELF;
using Tracer.Synthesis.Tree;

namespace Tracer.Synthesis.Elf;

/// <summary>
/// Finds a DT_NEEDED library inside the image the way glibc's ld.so does (ld.so(8)): DT_RPATH
/// when there is no DT_RUNPATH, LD_LIBRARY_PATH, DT_RUNPATH, the image's /etc/ld.so.cache,
/// then the default directories. Never looks at the host.
/// </summary>
public sealed class LibraryResolver
{
    /// <summary>Trusted directories of a Debian multiarch glibc, searched last.</summary>
    public static readonly IReadOnlyList<string> DefaultDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    // e_ident[EI_CLASS] and e_machine offsets of the ELF header (elf(5)).
    private const int ClassOffset = 4;
    private const int MachineOffset = 18;
    private const int HeaderBytes = 20;

    private readonly ImageTree _tree;
    private readonly IReadOnlyList<string> _libraryPath;
    private readonly Lazy<LdSoCache> _cache;

    public LibraryResolver(ImageTree tree, IReadOnlyList<string> ldLibraryPath)
    {
        _tree = tree;
        _libraryPath = ldLibraryPath;
        _cache = new Lazy<LdSoCache>(LoadCache);
    }

    public LdSoCache Cache => _cache.Value;

    /// <summary>The path (as ld.so would name it) of <paramref name="name"/> for the object at
    /// <paramref name="objectPath"/>, or null when the image has no matching library.</summary>
    public string? Find(string name, ElfInfo requester, string objectPath)
    {
        if (name.Contains('/'))
        {
            // Limitation: a relative DT_NEEDED with a slash is resolved against "/", not the cwd.
            var direct = name.StartsWith('/') ? name : "/" + name;
            return Matches(direct, requester) ? direct : null;
        }
        var origin = TreePath.Parent(objectPath);
        var searched = new List<string>();
        if (requester.RunPath.Count == 0)
        {
            // Limitation: DT_RPATH of the objects that loaded this one is not searched.
            searched.AddRange(requester.RPath);
        }
        searched.AddRange(_libraryPath);
        searched.AddRange(requester.RunPath);
        foreach (var dir in searched)
        {
            var candidate = TreePath.Normalize(Expand(dir, origin) + "/" + name);
            if (Matches(candidate, requester))
            {
                return candidate;
            }
        }
        foreach (var cached in Cache.Lookup(name, RequiredFlags(requester)))
        {
            if (Matches(cached, requester))
            {
                return cached;
            }
        }
        // Limitation: glibc-hwcaps subdirectories are not searched.
        foreach (var dir in DefaultDirectories)
        {
            var candidate = dir + "/" + name;
            if (Matches(candidate, requester))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>ld.so's dynamic string tokens ($ORIGIN, $LIB, $PLATFORM) as on x86-64 Debian.</summary>
    public static string Expand(string dir, string origin) => dir
        .Replace("${ORIGIN}", origin, StringComparison.Ordinal)
        .Replace("$ORIGIN", origin, StringComparison.Ordinal)
        .Replace("${LIB}", "lib/x86_64-linux-gnu", StringComparison.Ordinal)
        .Replace("$LIB", "lib/x86_64-linux-gnu", StringComparison.Ordinal)
        .Replace("${PLATFORM}", "x86_64", StringComparison.Ordinal)
        .Replace("$PLATFORM", "x86_64", StringComparison.Ordinal);

    private static int RequiredFlags(ElfInfo requester) => requester.Machine switch
    {
        Machine.AMD64 => 0x0300,
        Machine.AArch64 => 0x0a00,
        Machine.Intel386 => 0x0000,
        _ => -1,
    };

    /// <summary>True when the path resolves to a regular file that is an ELF object of the
    /// requester's class and machine (ld.so skips the others and keeps searching).</summary>
    private bool Matches(string path, ElfInfo requester)
    {
        var real = _tree.Resolve(path, followFinal: true);
        if (real is null || _tree.Get(real) is not { Type: TreeEntryType.File } entry || entry.Size < HeaderBytes)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        using var stream = _tree.Content.Open(entry);
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes
            || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            return false;
        }
        var is64 = header[ClassOffset] == 2;
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header[MachineOffset..]);
        return is64 == requester.Is64Bit && machine == (ushort)requester.Machine;
    }

    private LdSoCache LoadCache()
    {
        var real = _tree.Resolve("/etc/ld.so.cache", followFinal: true);
        if (real is null || _tree.Get(real) is not { Type: TreeEntryType.File } entry)
        {
            return LdSoCache.Empty;
        }
        using var stream = _tree.Content.Open(entry);
        var bytes = new byte[entry.Size];
        stream.ReadExactly(bytes);
        return LdSoCache.Parse(bytes);
    }
}
