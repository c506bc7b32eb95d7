using Internal.Runtime;

namespace System.Runtime.CompilerServices;

public static unsafe class RuntimeHelpers
{
    public static int OffsetToStringData => 12;

    // Array initialisers from constant data: ILC passes the field holding the raw bytes.
    [Intrinsic]
    public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw new PlatformNotSupportedException();

    [Intrinsic]
    public static bool IsReferenceOrContainsReferences<T>() => throw null!;

    [Intrinsic]
    internal static bool IsBitwiseEquatable<T>() => throw null!;

    [Intrinsic]
    public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => throw null!;

    // Identity hash from the address: objects never move without a collector.
    public static int GetHashCode(object? o)
    {
        if (o is null)
            return 0;
        nint address = *(nint*)Unsafe.AsPointer(ref o);
        return (int)(address >> 3) ^ (int)(address >> 35);
    }

    public static new bool Equals(object? o1, object? o2) => o1 == o2;

    public static void RunClassConstructor(RuntimeTypeHandle type) { }

    public static void EnsureSufficientExecutionStack() { }
}
