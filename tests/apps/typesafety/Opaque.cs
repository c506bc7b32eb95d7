using System.Runtime.CompilerServices;

namespace TypeSafety;

public static class Hidden
{
    // Hides a value's static type from the optimiser so casts are decided at run time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object Opaque(object value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T Pass<T>(T value) => value;
}
