using System;

namespace Unikraft.Build.Elf;

/// <summary>The file is not the ELF64 x86-64 file expected (a relocatable object, or a linked
/// executable for strip-sections), or is malformed.</summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException(string message)
        : base(message)
    {
    }
}
