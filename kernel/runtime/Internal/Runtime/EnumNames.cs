using System;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// The names of enum values, from the table the build emits for every enum in the image
// (uk_enum_table: method table, [Flags], and (value, name) pairs).
internal static unsafe class EnumNames
{
    // The name of `value` (the enum's bits, sign-extended), or null when the image has no
    // names for the enum or the value is not a named one (nor, for [Flags], a set of them).
    internal static string? Format(MethodTable* type, long value)
    {
        EnumTable* table = uk_enum_table();
        if (table == null)
            return null;
        for (ulong i = 0; i < table->Count; i++)
        {
            EnumEntry* entry = &(&table->First)[i];
            if (entry->Type == type)
                return entry->Flags != 0 ? FormatFlags(entry, value) : NameOf(entry, value);
        }
        return null;
    }

    private static string? NameOf(EnumEntry* entry, long value)
    {
        for (uint i = 0; i < entry->MemberCount; i++)
        {
            if (entry->Members[i].Value == value)
                return new string(entry->Members[i].Name);
        }
        return null;
    }

    // As .NET does: the named values whose bits are all set, largest first, listed smallest
    // first; null when some bits have no name.
    private static string? FormatFlags(EnumEntry* entry, long value)
    {
        if (value == 0)
            return NameOf(entry, 0) ?? "0";
        string? exact = NameOf(entry, value);
        if (exact is not null)
            return exact;
        ulong remaining = (ulong)value;
        string text = "";
        while (remaining != 0)
        {
            int best = -1;
            for (int i = 0; i < (int)entry->MemberCount; i++)
            {
                ulong bits = (ulong)entry->Members[i].Value;
                if (bits != 0 && (bits & remaining) == bits && (best < 0 || bits > (ulong)entry->Members[best].Value))
                    best = i;
            }
            if (best < 0)
                return null;
            remaining &= ~(ulong)entry->Members[best].Value;
            string name = new string(entry->Members[best].Name);
            text = text.Length == 0 ? name : name + ", " + text;
        }
        return text;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern EnumTable* uk_enum_table();

    [StructLayout(LayoutKind.Sequential)]
    private struct EnumTable
    {
        public ulong Count;
        public EnumEntry First;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct EnumEntry
    {
        public MethodTable* Type;
        public uint MemberCount;
        public uint Flags;
        public EnumMember* Members;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct EnumMember
    {
        public long Value;
        public sbyte* Name;
    }
}
