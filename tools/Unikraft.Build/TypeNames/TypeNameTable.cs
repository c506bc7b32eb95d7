using System;
using System.Collections.Generic;
using Unikraft.Build.Elf;

namespace Unikraft.Build.TypeNames;

/// <summary>One row of the table: the method table (referenced as <see cref="Reference"/> plus
/// <see cref="Offset"/>) and the type name printed for it.</summary>
public sealed record TypeNameEntry(string Symbol, string Name, string Reference, ulong Offset);

/// <summary>An enum in the image: its method table and its named values.</summary>
public sealed record EnumTableEntry(string Symbol, string Reference, ulong Offset, bool IsFlags, IReadOnlyList<EnumMember> Members);

/// <summary>Which method table symbols of an object go into the type name table.</summary>
public sealed class TypeNameTable
{
    private const string SealedVTablePrefix = "__SealedVTable_";

    private TypeNameTable(List<TypeNameEntry> entries, List<EnumTableEntry> enums, int boxed, List<string> unreferenceable)
    {
        Entries = entries;
        Enums = enums;
        BoxedCount = boxed;
        Unreferenceable = unreferenceable;
    }

    /// <summary>Sorted by name, then symbol.</summary>
    public IReadOnlyList<TypeNameEntry> Entries { get; }

    /// <summary>The enums among the entries, with their values.</summary>
    public IReadOnlyList<EnumTableEntry> Enums { get; }

    /// <summary>Value types among the entries (ILC names their method tables "Boxed_...").</summary>
    public int BoxedCount { get; }

    /// <summary>Symbols left out because NASM cannot name them and no other symbol of their
    /// section can stand in for them.</summary>
    public IReadOnlyList<string> Unreferenceable { get; }

    /// <summary>Takes every defined, <c>STB_GLOBAL</c> <c>_ZTV</c> method table symbol. A symbol
    /// NASM cannot name ("__Array&lt;String&gt;") is reached as another symbol of its section plus
    /// the distance between them.</summary>
    public static TypeNameTable Build(IEnumerable<ElfSymbol> symbols, TypeNameDemangler demangler, TypeDefinitionCatalog? catalog = null)
    {
        var reader = new MangledTypeName(catalog ?? TypeDefinitionCatalog.Empty, demangler);
        var candidates = new List<(ElfSymbol Symbol, string Mangled)>();
        var anchors = new Dictionary<ushort, ElfSymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (!symbol.IsDefined || !symbol.IsGlobal || !seen.Add(symbol.Name))
            {
                continue;
            }

            if (NasmTypeNameWriter.IsIdentifier(symbol.Name) && !anchors.ContainsKey(symbol.SectionIndex))
            {
                anchors[symbol.SectionIndex] = symbol;
            }

            var mangled = TypeNameDemangler.MangledName(symbol.Name);
            if (mangled is not null && !mangled.StartsWith(SealedVTablePrefix, StringComparison.Ordinal))
            {
                candidates.Add((symbol, mangled));
            }
        }

        var entries = new List<TypeNameEntry>();
        var enums = new List<EnumTableEntry>();
        var unreferenceable = new List<string>();
        var boxed = 0;
        foreach (var (symbol, mangled) in candidates)
        {
            string reference;
            ulong offset;
            if (NasmTypeNameWriter.IsIdentifier(symbol.Name))
            {
                (reference, offset) = (symbol.Name, 0);
            }
            else if (anchors.TryGetValue(symbol.SectionIndex, out var anchor))
            {
                (reference, offset) = (anchor.Name, symbol.Value - anchor.Value);
            }
            else
            {
                unreferenceable.Add(symbol.Name);
                continue;
            }

            var plain = mangled;
            if (plain.StartsWith(TypeNameDemangler.BoxedPrefix, StringComparison.Ordinal))
            {
                plain = plain.Substring(TypeNameDemangler.BoxedPrefix.Length);
                boxed++;
            }

            entries.Add(new TypeNameEntry(symbol.Name, reader.Read(plain) ?? demangler.Demangle(plain), reference, offset));
            if (reader.TryGetDefinition(plain, out var definition) && definition.IsEnum)
            {
                enums.Add(new EnumTableEntry(symbol.Name, reference, offset, definition.IsFlags, definition.Members));
            }
        }

        entries.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Symbol, b.Symbol);
        });
        enums.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        unreferenceable.Sort(StringComparer.Ordinal);
        return new TypeNameTable(entries, enums, boxed, unreferenceable);
    }
}
