using System;
using System.Collections.Generic;
using Unikraft.Build.Elf;

namespace Unikraft.Build.TypeNames;

/// <summary>One row of the table: the method table symbol and the type name printed for it.</summary>
public sealed record TypeNameEntry(string Symbol, string Name);

/// <summary>Which method table symbols of an object go into the type name table.</summary>
public sealed class TypeNameTable
{
    private TypeNameTable(List<TypeNameEntry> entries, int boxed, List<string> unreferenceable)
    {
        Entries = entries;
        BoxedSkipped = boxed;
        Unreferenceable = unreferenceable;
    }

    /// <summary>Sorted by name, then symbol.</summary>
    public IReadOnlyList<TypeNameEntry> Entries { get; }

    /// <summary>Boxed value type method tables left out.</summary>
    public int BoxedSkipped { get; }

    /// <summary>Symbols left out because NASM cannot name them (e.g. "_ZTV13Int8&lt;Pointer&gt;").</summary>
    public IReadOnlyList<string> Unreferenceable { get; }

    /// <summary>Takes every defined, <c>STB_GLOBAL</c> <c>_ZTV</c> symbol (only those can be
    /// referenced from another object) except boxed value types.</summary>
    public static TypeNameTable Build(IEnumerable<ElfSymbol> symbols, TypeNameDemangler demangler)
    {
        var entries = new List<TypeNameEntry>();
        var unreferenceable = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var boxed = 0;
        foreach (var symbol in symbols)
        {
            if (!symbol.IsDefined || !symbol.IsGlobal || !seen.Add(symbol.Name))
            {
                continue;
            }

            var mangled = TypeNameDemangler.MangledName(symbol.Name);
            if (mangled is null)
            {
                continue;
            }

            if (mangled.StartsWith(TypeNameDemangler.BoxedPrefix, StringComparison.Ordinal))
            {
                boxed++;
                continue;
            }

            if (!NasmTypeNameWriter.IsIdentifier(symbol.Name))
            {
                unreferenceable.Add(symbol.Name);
                continue;
            }

            entries.Add(new TypeNameEntry(symbol.Name, demangler.Demangle(mangled)));
        }

        entries.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Symbol, b.Symbol);
        });
        unreferenceable.Sort(StringComparer.Ordinal);
        return new TypeNameTable(entries, boxed, unreferenceable);
    }
}
