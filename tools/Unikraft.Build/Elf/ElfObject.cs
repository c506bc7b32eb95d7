using System.Collections.Generic;

namespace Unikraft.Build.Elf;

/// <summary>What the build reads from a relocatable object: section names by section index
/// (index 0, <c>SHN_UNDEF</c>, has the empty name) and the <c>.symtab</c> entries.</summary>
public sealed record ElfObject(IReadOnlyList<string> SectionNames, IReadOnlyList<ElfSymbol> Symbols)
{
    /// <summary>The index of the first section called <paramref name="name"/>, or -1.</summary>
    public int SectionIndex(string name)
    {
        for (var i = 0; i < SectionNames.Count; i++)
        {
            if (SectionNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
