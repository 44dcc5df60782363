using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace Tracer.Synthesis.Elf;

/// <summary>What the dynamic loader needs to know about one ELF object.</summary>
/// <param name="Is64Bit">ELFCLASS64.</param>
/// <param name="Machine">e_machine; ld.so skips libraries built for another machine.</param>
/// <param name="Interpreter">PT_INTERP, or null for libraries and static binaries.</param>
/// <param name="Needed">DT_NEEDED names, in order.</param>
/// <param name="RPath">DT_RPATH entries (ignored by ld.so when DT_RUNPATH is present).</param>
/// <param name="RunPath">DT_RUNPATH entries.</param>
public sealed record ElfInfo(
    bool Is64Bit,
    Machine Machine,
    string? Interpreter,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> RPath,
    IReadOnlyList<string> RunPath)
{
    private static ReadOnlySpan<byte> Magic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>Reads an ELF object's loader facts; null when the stream is not ELF.</summary>
    public static ElfInfo? Read(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(Magic))
        {
            return null;
        }
        stream.Position = 0;
        if (!ELFReader.TryLoad(stream, false, out var elf))
        {
            return null;
        }
        using (elf)
        {
            return FromElf(elf);
        }
    }

    private static ElfInfo FromElf(IELF elf)
    {
        string? interpreter = null;
        foreach (var segment in elf.Segments)
        {
            if (segment.Type == SegmentType.Interpreter)
            {
                interpreter = System.Text.Encoding.UTF8.GetString(segment.GetFileContents()).TrimEnd('\0');
            }
        }
        var needed = new List<string>();
        var rpath = new List<string>();
        var runpath = new List<string>();
        // Limitation: an ELF without section headers (sstrip'ed) yields no DT_NEEDED here.
        var strings = elf.Sections.OfType<IStringTable>().FirstOrDefault(static s => s.Name == ".dynstr");
        var dynamic = elf.Sections.OfType<IDynamicSection>().FirstOrDefault();
        foreach (var entry in dynamic?.Entries ?? [])
        {
            var list = entry.Tag switch
            {
                DynamicTag.Needed => needed,
                DynamicTag.RPath => rpath,
                DynamicTag.RunPath => runpath,
                _ => null,
            };
            if (list is null || strings is null)
            {
                continue;
            }
            var offset = entry switch
            {
                DynamicEntry<ulong> e64 => (long)e64.Value,
                DynamicEntry<uint> e32 => e32.Value,
                _ => -1,
            };
            var value = offset >= 0 ? strings[offset] : "";
            if (list == needed)
            {
                needed.Add(value);
            }
            else
            {
                list.AddRange(value.Split(':', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return new ElfInfo(elf.Class == Class.Bit64, elf.Machine, interpreter, needed, rpath, runpath);
    }
}
