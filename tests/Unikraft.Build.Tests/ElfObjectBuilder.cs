using System.Buffers.Binary;
using System.Text;

namespace Unikraft.Build.Tests;

/// <summary>Writes a minimal ELF64 relocatable by hand: header, a .data section, .symtab,
/// .strtab, .shstrtab and ILC's code section __managedcode, so the typenames and symbols
/// tests need neither ILC nor NASM.</summary>
public sealed class ElfObjectBuilder
{
    public const byte Local = 0;
    public const byte Global = 1;
    public const byte Weak = 2;
    public const ushort Undefined = 0;
    public const ushort DataSection = 1;
    public const ushort CodeSection = 5;
    public const byte ObjectType = 1;
    public const byte FunctionType = 2;

    private readonly List<(string Name, byte Binding, ushort Section, ulong Value, byte Type, ulong Size)> _symbols = new();

    public byte Class { get; set; } = 2;
    public ushort Type { get; set; } = 1;
    public ushort Machine { get; set; } = 62;

    public ElfObjectBuilder Symbol(string name, byte binding = Global, ushort section = DataSection, ulong value = 0, byte type = ObjectType, ulong size = 8)
    {
        _symbols.Add((name, binding, section, value, type, size));
        return this;
    }

    /// <summary>A function in __managedcode, hidden like ILC's (hidden is still global).</summary>
    public ElfObjectBuilder Function(string name, ulong value, ulong size = 16, byte binding = Global) =>
        Symbol(name, binding, CodeSection, value, FunctionType, size);

    public byte[] Build()
    {
        // Locals first, as ELF requires; sh_info of .symtab = index of the first non-local.
        var ordered = _symbols.Where(s => s.Binding == Local).Concat(_symbols.Where(s => s.Binding != Local)).ToList();
        var strtab = new MemoryStream();
        strtab.WriteByte(0);
        var symtab = new byte[24 * (ordered.Count + 1)];
        for (var i = 0; i < ordered.Count; i++)
        {
            var (name, binding, section, value, type, size) = ordered[i];
            var entry = symtab.AsSpan(24 * (i + 1), 24);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)strtab.Length);
            strtab.Write(Encoding.UTF8.GetBytes(name));
            strtab.WriteByte(0);
            entry[4] = (byte)((binding << 4) | type);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.Slice(6), section);
            BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(8), value);
            BinaryPrimitives.WriteUInt64LittleEndian(entry.Slice(16), size);
        }

        var shstrtab = Encoding.ASCII.GetBytes("\0.data\0.symtab\0.strtab\0.shstrtab\0__managedcode\0");
        var data = new byte[64];
        var strings = strtab.ToArray();

        var file = new MemoryStream();
        file.Write(new byte[64]);
        var dataOffset = Append(file, data);
        var symtabOffset = Append(file, symtab);
        var strtabOffset = Append(file, strings);
        var shstrtabOffset = Append(file, shstrtab);
        var codeOffset = Append(file, new byte[64]);
        while (file.Length % 8 != 0)
        {
            file.WriteByte(0);
        }

        var sectionHeaders = file.Length;
        file.Write(new byte[64]); // SHN_UNDEF
        file.Write(Section(1, 1, 3, dataOffset, data.Length, 0, 0, 16, 0));
        file.Write(Section(7, 2, 0, symtabOffset, symtab.Length, 3, 1 + ordered.Count(s => s.Binding == Local), 8, 24));
        file.Write(Section(15, 3, 0, strtabOffset, strings.Length, 0, 0, 1, 0));
        file.Write(Section(23, 3, 0, shstrtabOffset, shstrtab.Length, 0, 0, 1, 0));
        file.Write(Section(33, 1, 6, codeOffset, 64, 0, 0, 32, 0));

        var bytes = file.ToArray();
        var header = bytes.AsSpan(0, 64);
        header[0] = 0x7F;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = Class;
        header[5] = 1; // little-endian
        header[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(16), Type);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(18), Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(40), (ulong)sectionHeaders);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(52), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(58), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(60), 6);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(62), 4);
        return bytes;
    }

    private static long Append(MemoryStream file, byte[] content)
    {
        while (file.Length % 8 != 0)
        {
            file.WriteByte(0);
        }

        var offset = file.Length;
        file.Write(content);
        return offset;
    }

    private static byte[] Section(uint name, uint type, ulong flags, long offset, long size, uint link, int info, ulong align, ulong entrySize)
    {
        var header = new byte[64];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, name);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(8), flags);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(24), (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(32), (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(40), link);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(44), (uint)info);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(48), align);
        BinaryPrimitives.WriteUInt64LittleEndian(span.Slice(56), entrySize);
        return header;
    }
}
