using System.Buffers.Binary;
using System.Text;

namespace Tracer.Synthesis.Elf;

/// <summary>
/// The glibc loader cache (/etc/ld.so.cache, format "glibc-ld.so.cache1.1", see glibc's
/// sysdeps/generic/dl-cache.h): library name → path, with flags saying which ABI it is for.
/// </summary>
public sealed class LdSoCache
{
    private const string NewMagic = "glibc-ld.so.cache1.1";
    // struct cache_file_new: magic[17] version[3] nlibs len_strings flags pad[3] ext_offset unused[3].
    private const int HeaderSize = 48;
    private const int NLibsOffset = 20;
    // struct file_entry_new: int32 flags, uint32 key, uint32 value, uint32 osversion, uint64 hwcap.
    private const int EntrySize = 24;
    private const int EntryKeyOffset = 4;
    private const int EntryValueOffset = 8;
    /// <summary>FLAG_TYPE_MASK and FLAG_ELF_LIBC6: a glibc ELF library.</summary>
    public const int TypeMask = 0x00ff;
    public const int ElfLibc6 = 0x0003;
    /// <summary>FLAG_REQUIRED_MASK: the ABI bits (FLAG_X8664_LIB64 = 0x0300, FLAG_AARCH64_LIB64 = 0x0a00).</summary>
    public const int RequiredMask = 0xff00;

    private readonly List<(string Name, string Path, int Flags)> _entries;

    private LdSoCache(List<(string Name, string Path, int Flags)> entries) => _entries = entries;

    public static LdSoCache Empty { get; } = new([]);

    public IReadOnlyList<(string Name, string Path, int Flags)> Entries => _entries;

    /// <summary>Parses a cache; an old-format prefix ("ld.so-1.7.0") is skipped. Unknown
    /// content gives an empty cache, as ld.so then falls back to the default directories.</summary>
    public static LdSoCache Parse(ReadOnlySpan<byte> data)
    {
        var start = data.IndexOf(Encoding.ASCII.GetBytes(NewMagic));
        if (start < 0 || data.Length - start < HeaderSize)
        {
            return Empty;
        }
        // String offsets are relative to the start of the new-format header.
        var cache = data[start..];
        var count = BinaryPrimitives.ReadUInt32LittleEndian(cache[NLibsOffset..]);
        var entries = new List<(string, string, int)>((int)Math.Min(count, 100_000));
        for (var i = 0; i < count; i++)
        {
            var at = HeaderSize + (i * EntrySize);
            if (at + EntrySize > cache.Length)
            {
                break;
            }
            var flags = BinaryPrimitives.ReadInt32LittleEndian(cache[at..]);
            var key = BinaryPrimitives.ReadUInt32LittleEndian(cache[(at + EntryKeyOffset)..]);
            var value = BinaryPrimitives.ReadUInt32LittleEndian(cache[(at + EntryValueOffset)..]);
            entries.Add((CString(cache, key), CString(cache, value), flags));
        }
        return new LdSoCache(entries);
    }

    /// <summary>The first path cached for <paramref name="name"/> whose ABI bits match, in
    /// cache order (ld.so's own preference order).</summary>
    public IEnumerable<string> Lookup(string name, int requiredFlags)
    {
        foreach (var (n, path, flags) in _entries)
        {
            if (n == name && (flags & TypeMask) == ElfLibc6
                && (requiredFlags < 0 || (flags & RequiredMask) == requiredFlags))
            {
                yield return path;
            }
        }
    }

    private static string CString(ReadOnlySpan<byte> data, uint offset)
    {
        if (offset >= data.Length)
        {
            return "";
        }
        var rest = data[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}
