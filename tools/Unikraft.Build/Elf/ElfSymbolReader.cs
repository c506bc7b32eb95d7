using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Unikraft.Build.Elf;

/// <summary>Reads the symbol table and section names of an ELF64 little-endian x86-64
/// relocatable object (what ILC and NASM produce): header → section headers →
/// <c>SHT_SYMTAB</c> and its linked string table, and the section name string table. Every offset is bounds-checked; anything off is an <see cref="ElfFormatException"/>.</summary>
public static class ElfSymbolReader
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;
    private const ushort RelocatableType = 1; // ET_REL
    private const ushort X86_64Machine = 62; // EM_X86_64
    private const uint SymtabType = 2; // SHT_SYMTAB
    private const uint StrtabType = 3; // SHT_STRTAB
    private const ulong ExtendedSectionIndex = 0xFFFF; // SHN_XINDEX

    public static IReadOnlyList<ElfSymbol> Read(byte[] file) => ReadObject(file).Symbols;

    public static ElfObject ReadObject(byte[] file)
    {
        var data = file.AsSpan();
        if (data.Length < 16 || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            throw new ElfFormatException("not an ELF file");
        }

        if (data[4] != 2)
        {
            throw new ElfFormatException("not a 64-bit ELF file (ELFCLASS64 expected)");
        }

        if (data[5] != 1)
        {
            throw new ElfFormatException("not a little-endian ELF file");
        }

        if (data.Length < HeaderSize)
        {
            throw new ElfFormatException("truncated ELF header");
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(16));
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(18));
        if (type != RelocatableType)
        {
            throw new ElfFormatException($"not a relocatable object (e_type {type}, ET_REL expected)");
        }

        if (machine != X86_64Machine)
        {
            throw new ElfFormatException($"not an x86-64 object (e_machine {machine})");
        }

        var sectionHeaderOffset = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(40));
        var sectionHeaderEntrySize = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(58));
        ulong sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(60));
        ulong namesSection = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(62));
        if (sectionHeaderOffset == 0)
        {
            return new ElfObject(Array.Empty<string>(), new List<ElfSymbol>());
        }

        if (sectionHeaderEntrySize != SectionHeaderSize)
        {
            throw new ElfFormatException($"unexpected section header size {sectionHeaderEntrySize}");
        }

        if (sectionCount == 0)
        {
            // More than SHN_LORESERVE sections: the real count is section 0's sh_size.
            sectionCount = ReadSection(data, sectionHeaderOffset, 0).Size;
        }

        if (namesSection == ExtendedSectionIndex)
        {
            namesSection = ReadSection(data, sectionHeaderOffset, 0).Link;
        }

        CheckRange(data, sectionHeaderOffset, sectionCount * SectionHeaderSize, "section header table");
        var sectionNames = ReadSectionNames(data, sectionHeaderOffset, sectionCount, namesSection);
        var symbols = new List<ElfSymbol>();
        for (ulong i = 0; i < sectionCount; i++)
        {
            var section = ReadSection(data, sectionHeaderOffset, i);
            if (section.Type != SymtabType)
            {
                continue;
            }

            if (section.EntrySize != SymbolSize)
            {
                throw new ElfFormatException($"section {i}: unexpected symbol size {section.EntrySize}");
            }

            if (section.Link == 0 || section.Link >= sectionCount)
            {
                throw new ElfFormatException($"section {i}: symbol table links to no string table");
            }

            var strings = ReadSection(data, sectionHeaderOffset, section.Link);
            if (strings.Type != StrtabType)
            {
                throw new ElfFormatException($"section {i}: linked section {section.Link} is not a string table");
            }

            CheckRange(data, section.Offset, section.Size, $"section {i} (symbol table)");
            CheckRange(data, strings.Offset, strings.Size, $"section {section.Link} (string table)");
            var stringTable = data.Slice((int)strings.Offset, (int)strings.Size);
            for (ulong offset = 0; offset + SymbolSize <= section.Size; offset += SymbolSize)
            {
                var entry = data.Slice((int)(section.Offset + offset), SymbolSize);
                var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry);
                var info = entry[4];
                symbols.Add(new ElfSymbol(
                    ReadString(stringTable, nameOffset, section.Link),
                    (byte)(info >> 4),
                    (byte)(info & 0xF),
                    BinaryPrimitives.ReadUInt16LittleEndian(entry.Slice(6)),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry.Slice(8)),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry.Slice(16))));
            }
        }

        return new ElfObject(sectionNames, symbols);
    }

    private static string[] ReadSectionNames(ReadOnlySpan<byte> data, ulong tableOffset, ulong count, ulong namesSection)
    {
        var names = new string[count];
        if (namesSection == 0 || namesSection >= count)
        {
            // No section name table: the names stay empty, symbols are still readable.
            Array.Fill(names, string.Empty);
            return names;
        }

        var strings = ReadSection(data, tableOffset, namesSection);
        CheckRange(data, strings.Offset, strings.Size, $"section {namesSection} (section names)");
        var table = data.Slice((int)strings.Offset, (int)strings.Size);
        for (ulong i = 0; i < count; i++)
        {
            names[i] = i == 0 ? string.Empty : ReadString(table, ReadSection(data, tableOffset, i).Name, (uint)namesSection);
        }

        return names;
    }

    private static SectionHeader ReadSection(ReadOnlySpan<byte> data, ulong tableOffset, ulong index)
    {
        var offset = tableOffset + (index * SectionHeaderSize);
        CheckRange(data, offset, SectionHeaderSize, $"section header {index}");
        var header = data.Slice((int)offset, SectionHeaderSize);
        return new SectionHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(header),
            BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4)),
            BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(24)),
            BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(32)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(40)),
            BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(56)));
    }

    private static string ReadString(ReadOnlySpan<byte> table, uint offset, uint section)
    {
        if (offset >= (uint)table.Length)
        {
            throw new ElfFormatException($"symbol name offset {offset} is outside string table section {section}");
        }

        var rest = table.Slice((int)offset);
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw new ElfFormatException($"unterminated symbol name in string table section {section}");
        }

        return Encoding.UTF8.GetString(rest.Slice(0, end));
    }

    private static void CheckRange(ReadOnlySpan<byte> data, ulong offset, ulong length, string what)
    {
        if (offset > (ulong)data.Length || length > (ulong)data.Length - offset)
        {
            throw new ElfFormatException($"{what} lies outside the file (truncated or malformed object)");
        }
    }

    private readonly record struct SectionHeader(uint Name, uint Type, ulong Offset, ulong Size, uint Link, ulong EntrySize);
}
