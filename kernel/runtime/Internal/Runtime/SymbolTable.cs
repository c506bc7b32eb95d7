using System;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// Function names for stack traces. The image has no reflection metadata; the build emits a
// table of (code offset, name) pairs, sorted by offset, from ILC's object (layout in
// tools/Unikraft.Build/Symbols/NasmSymbolTableWriter.cs). Lookups run on the panic path, so
// they only read the table and allocate nothing but the resulting name.
internal static unsafe class SymbolTable
{
    // Where the function containing address starts, without building its name.
    internal static bool TryFindStart(ulong address, out ulong start)
    {
        Header* header = uk_symbol_table();
        Entry* entry = Find(header, address);
        start = entry == null ? 0 : header->Code + entry->Offset;
        return entry != null;
    }

    // The function containing address, its name ("Uk.Core.Kernel.Start") and how far into
    // it the address lies.
    internal static bool TryFind(ulong address, out string name, out ulong offset)
    {
        name = string.Empty;
        offset = 0;
        Header* header = uk_symbol_table();
        Entry* entry = Find(header, address);
        if (entry == null)
            return false;
        TypeRow* types = (TypeRow*)((Entry*)(header + 1) + header->Count);
        byte* names = (byte*)(types + header->TypeCount);
        TypeRow type = entry->Type < header->TypeCount ? types[entry->Type] : default;
        byte* scope = names + type.Scope;
        byte* typeName = names + type.Name;
        byte* method = names + entry->Name;
        int length = Join(null, scope, typeName, method);
        if (length == 0)
            return false;
        // Filled in place: the string is new and nothing else has seen it yet.
        name = new string('\0', length);
        fixed (char* text = name)
            Join(text, scope, typeName, method);
        offset = address - header->Code - entry->Offset;
        return true;
    }

    // The last entry that starts at or before address, by binary search; null outside the code.
    private static Entry* Find(Header* header, ulong address)
    {
        if (header->Count == 0 || address < header->Code || address - header->Code >= header->End)
            return null;
        uint target = (uint)(address - header->Code);
        Entry* entries = (Entry*)(header + 1);
        uint low = 0;
        uint high = header->Count;
        while (high - low > 1)
        {
            uint middle = low + (high - low) / 2;
            if (entries[middle].Offset <= target)
                low = middle;
            else
                high = middle;
        }
        return entries[low].Offset <= target ? &entries[low] : null;
    }

    // Writes "scope.type.method" without the empty parts when text is not null; returns the
    // length either way, so one pass measures and a second fills the string.
    private static int Join(char* text, byte* scope, byte* type, byte* method)
    {
        int length = Append(text, 0, scope);
        length = Append(text, length, type);
        return Append(text, length, method);
    }

    private static int Append(char* text, int length, byte* part)
    {
        if (*part == 0)
            return length;
        if (length > 0)
        {
            if (text != null)
                text[length] = '.';
            length++;
        }
        for (; *part != 0; part++, length++)
        {
            if (text != null)
                text[length] = (char)*part;
        }
        return length;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern Header* uk_symbol_table();

    [StructLayout(LayoutKind.Sequential)]
    private struct Header
    {
        public ulong Code;
        public uint Count;
        public uint TypeCount;
        public uint End;
        public uint Reserved;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public uint Offset;
        public ushort Type;
        public ushort Name;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TypeRow
    {
        public ushort Scope;
        public ushort Name;
    }
}
