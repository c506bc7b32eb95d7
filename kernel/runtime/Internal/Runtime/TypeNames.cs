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
            for (ulong i = 0; i < table->Count; i++)
            {
                TypeNameEntry* entry = &(&table->First)[i];
                if (entry->Type == type)
                    return new string(entry->Name);
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
        public MethodTable* Type;
        public sbyte* Name;
    }
}
