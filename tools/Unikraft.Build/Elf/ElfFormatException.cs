using System;

namespace Unikraft.Build.Elf;

/// <summary>The file is not an ELF64 x86-64 relocatable object, or is malformed.</summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException(string message)
        : base(message)
    {
    }
}
