using System;
using System.Buffers.Binary;

namespace Unikraft.Build.Elf;

/// <summary>Drops the section header table (and the section names after the last segment) from a
/// linked ELF64 executable. Boot loaders load an image by its program headers only: QEMU's PVH
/// loader finds its note through them and GRUB's multiboot2 loader reads section headers only
/// when the header counts some. That is up to a kilobyte of the bootable image; the unstripped
/// link next to the objects keeps every section for gdb.</summary>
public static class SectionHeaderStripper
{
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const ushort ExecutableType = 2; // ET_EXEC
    private const int SectionHeaderOffsetField = 0x28; // e_shoff
    private const int SectionHeaderCountFields = 0x3A; // e_shentsize, e_shnum, e_shstrndx

    /// <summary>The file without section headers: cut after the last byte a program header or a
    /// segment occupies, with e_shoff, e_shentsize, e_shnum and e_shstrndx zero.</summary>
    public static byte[] Strip(byte[] file)
    {
        var data = file.AsSpan();
        if (data.Length < HeaderSize || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            throw new ElfFormatException("not an ELF file");
        }

        if (data[4] != 2 || data[5] != 1)
        {
            throw new ElfFormatException("not a 64-bit little-endian ELF file");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(16)) != ExecutableType)
        {
            throw new ElfFormatException("not a linked executable (ET_EXEC expected)");
        }

        ulong programHeaders = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(0x20));
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(0x36));
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(0x38));
        if (count == 0 || entrySize < ProgramHeaderSize)
        {
            throw new ElfFormatException("the executable has no program headers to load it by");
        }

        ulong end = programHeaders + (ulong)entrySize * count;
        if (end > (ulong)data.Length)
        {
            throw new ElfFormatException("the program headers run past the end of the file");
        }

        for (int i = 0; i < count; i++)
        {
            var header = data.Slice((int)programHeaders + i * entrySize, ProgramHeaderSize);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(8));
            ulong fileSize = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(32));
            if (offset > (ulong)data.Length || fileSize > (ulong)data.Length - offset)
            {
                throw new ElfFormatException($"program header {i} describes bytes past the end of the file");
            }

            end = Math.Max(end, offset + fileSize);
        }

        byte[] stripped = data.Slice(0, (int)end).ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(stripped.AsSpan(SectionHeaderOffsetField), 0);
        stripped.AsSpan(SectionHeaderCountFields, 6).Clear();
        return stripped;
    }
}
