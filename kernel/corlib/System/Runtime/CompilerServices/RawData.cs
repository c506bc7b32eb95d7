namespace System.Runtime.CompilerServices;

// The first field of any object, after the method-table pointer. ILC looks this type up by
// name for the unboxing thunks of shared generic structs.
internal class RawData
{
    public byte Data;
}
