using System;
using System.Collections.Generic;
using Unikraft.Build.Elf;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Symbols;

/// <summary>One function: its offset in the code section and its readable name.</summary>
public sealed record FunctionEntry(ulong Offset, FunctionName Name);

/// <summary>The functions of ILC's code section, sorted by address. The table refers to one
/// anchor symbol instead of each function, because most function symbols are hidden or have
/// names NASM cannot spell (generic instantiations).</summary>
public sealed class FunctionSymbolTable
{
    public const string CodeSection = "__managedcode";

    private FunctionSymbolTable(string? anchor, ulong anchorOffset, ulong end, List<FunctionEntry> entries, int aliases)
    {
        Anchor = anchor;
        AnchorOffset = anchorOffset;
        End = end;
        Entries = entries;
        AliasesSkipped = aliases;
    }

    /// <summary>A global, NASM-nameable symbol in the code section; null when there is none
    /// (then the table is empty).</summary>
    public string? Anchor { get; }

    /// <summary>The anchor's offset from the start of the code section.</summary>
    public ulong AnchorOffset { get; }

    /// <summary>Where the last function ends, as an offset from the start of the code section.</summary>
    public ulong End { get; }

    /// <summary>Sorted by offset, one per offset.</summary>
    public IReadOnlyList<FunctionEntry> Entries { get; }

    /// <summary>Second names of a function (ILC exports runtime helpers under their C name too).</summary>
    public int AliasesSkipped { get; }

    public static FunctionSymbolTable Build(ElfObject file, FunctionNameDemangler demangler)
    {
        var section = file.SectionIndex(CodeSection);
        var byOffset = new SortedDictionary<ulong, FunctionEntry>();
        string? anchor = null;
        ulong anchorOffset = 0;
        ulong end = 0;
        var aliases = 0;
        foreach (var symbol in file.Symbols)
        {
            if (section <= 0 || symbol.SectionIndex != section)
            {
                continue;
            }

            if (symbol.IsGlobal && NasmTypeNameWriter.IsIdentifier(symbol.Name)
                && (anchor is null || symbol.Value < anchorOffset || (symbol.Value == anchorOffset && string.CompareOrdinal(symbol.Name, anchor) < 0)))
            {
                anchor = symbol.Name;
                anchorOffset = symbol.Value;
            }

            if (!symbol.IsFunction)
            {
                continue;
            }

            end = Math.Max(end, symbol.Value + symbol.Size);
            var entry = new FunctionEntry(symbol.Value, demangler.Demangle(symbol.Name));
            if (byOffset.TryGetValue(symbol.Value, out var other))
            {
                aliases++;
                if (!Prefer(entry, other))
                {
                    continue;
                }
            }

            byOffset[symbol.Value] = entry;
        }

        var entries = anchor is null ? new List<FunctionEntry>() : new List<FunctionEntry>(byOffset.Values);
        return new FunctionSymbolTable(anchor, anchorOffset, anchor is null ? 0 : end, entries, aliases);
    }

    /// <summary>Of two names for one function, the managed one ("Allocation.NewObject" over
    /// "RhpNewFast") says where its source is; otherwise the first in ordinal order, so the
    /// output does not depend on symbol order.</summary>
    private static bool Prefer(FunctionEntry candidate, FunctionEntry current)
    {
        var candidateManaged = candidate.Name.Owner.Length > 0;
        var currentManaged = current.Name.Owner.Length > 0;
        if (candidateManaged != currentManaged)
        {
            return candidateManaged;
        }

        return string.CompareOrdinal(candidate.Name.ToString(), current.Name.ToString()) < 0;
    }
}
