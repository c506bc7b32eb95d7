using System;
using System.Runtime.InteropServices;
using Internal.Runtime.Unwinding;

namespace Internal.Runtime;

// Where the runtime goes when it cannot continue: the kernel core's panic once installed,
// the platform's early panic before. The same seam as the minimal corlib's.
internal static unsafe class RuntimeFailure
{
    private static delegate*<string, object?, void> s_panic;
    private static delegate*<string, RegisterContext*, void> s_unhandledPanic;

    internal static void InstallPanicHandler(delegate*<string, object?, void> panic) => s_panic = panic;

    // The panic for exceptions nothing caught, given the registers of the frame that threw.
    internal static void InstallUnhandledExceptionHandler(delegate*<string, RegisterContext*, void> panic) => s_unhandledPanic = panic;

    internal static void Fail(string message, object? exception)
    {
        if (s_panic != null)
            s_panic(message, exception);
        fixed (char* text = message)
            uk_early_panic(text, message.Length);
    }

    // A managed `new` the heap cannot serve.
    internal static void OutOfMemory(nuint size) => throw new OutOfMemoryException();

    [DllImport("*"), SuppressGCTransition]
    private static extern void uk_early_panic(char* message, int length);
}
