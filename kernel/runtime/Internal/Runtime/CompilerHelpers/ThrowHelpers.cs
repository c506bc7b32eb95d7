using System;

namespace Internal.Runtime.CompilerHelpers;

// Called by ILC-generated code for the checks it inlines (bounds, nulls, overflow...).
internal static class ThrowHelpers
{
    private static void ThrowOverflowException() => throw new OverflowException();

    private static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();

    private static void ThrowNullReferenceException() => throw new NullReferenceException();

    private static void ThrowDivideByZeroException() => throw new DivideByZeroException();

    private static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();

    private static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();

    private static void ThrowNotImplementedException() => throw new NotImplementedException();

    private static void ThrowTypeLoadException() => throw new TypeLoadException();

    private static void ThrowArgumentException() => throw new ArgumentException();

    private static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();

    private static void ThrowInvalidProgramException() => throw new InvalidOperationException("Invalid program.");

    private static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
}
