using System;

namespace Internal.Runtime.CompilerHelpers;

// `typeof` and `ldtoken` in shared generic code resolve through these.
internal static unsafe class LdTokenHelpers
{
    private static RuntimeTypeHandle GetRuntimeTypeHandle(nint type) => new RuntimeTypeHandle((MethodTable*)type);

    private static Type GetRuntimeType(nint type) => new RuntimeType((MethodTable*)type);

    private static RuntimeMethodHandle GetRuntimeMethodHandle(nint method) => throw new PlatformNotSupportedException("Method handles need reflection, which this runtime has not.");

    private static RuntimeFieldHandle GetRuntimeFieldHandle(nint field) => throw new PlatformNotSupportedException("Field handles need reflection, which this runtime has not.");
}
