using System;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

// Type names for messages and panics. ILC keeps no names in method tables; the build emits
// a table of (method table, name) pairs from ILC's map and links it into the image.
internal static unsafe class TypeNames
{
    internal static string FullNameOf(object obj) => FullNameOf(obj.m_pEEType);

    internal static string FullNameOf(MethodTable* type)
    {
        TypeNameTable* table = uk_type_name_table();
        if (table != null)
        {
            TypeNameEntry* entries = &table->First;
            sbyte* names = (sbyte*)(entries + table->Count);
            for (ulong i = 0; i < table->Count; i++)
            {
                if (entries[i].Type == (uint)(nuint)type)
                    return new string(names + entries[i].NameOffset);
            }
        }
        if (type->IsSzArray && type->RelatedParameterType != null)
            return FullNameOf(type->RelatedParameterType) + "[]";
        return "type@0x" + IntegerText.Hex((ulong)type);
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern TypeNameTable* uk_type_name_table();

    [StructLayout(LayoutKind.Sequential)]
    private struct TypeNameTable
    {
        public ulong Count;
        public TypeNameEntry First;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TypeNameEntry
    {
        // The image is linked below 4 GiB, so 32 bits hold a method table's address.
        public uint Type;
        public uint NameOffset;
    }
}
