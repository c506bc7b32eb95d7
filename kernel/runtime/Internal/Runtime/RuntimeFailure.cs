using System;
using Internal.Runtime.Unwinding;

namespace Internal.Runtime;

// Where the runtime goes when it cannot continue. The kernel core installs its panic here;
// before that, the platform's early panic prints the message and stops the machine.
internal static unsafe class RuntimeFailure
{
    private static delegate*<string, object?, void> s_panic;
    private static delegate*<string, RegisterContext*, void> s_unhandledPanic;
    // The request that failed last, for the message if its OutOfMemoryException goes uncaught.
    private static nuint s_failedSize;

    internal static void InstallPanicHandler(delegate*<string, object?, void> panic) => s_panic = panic;

    // The panic for exceptions nothing caught, given the registers of the frame that threw.
    internal static void InstallUnhandledExceptionHandler(delegate*<string, RegisterContext*, void> panic) => s_unhandledPanic = panic;

    internal static void Unhandled(object exception, RegisterContext* throwSite)
    {
        if (exception == ExceptionDispatch.PreallocatedOutOfMemory)
            OutOfMemoryPanic(s_failedSize);
        string message = exception is Exception managed
            ? "unhandled exception: " + TypeNames.FullNameOf(exception) + ": " + managed.Message
                + (managed.FaultDescription is string fault ? "\n  from " + fault : "")
            : "unhandled exception: " + TypeNames.FullNameOf(exception);
        if (s_unhandledPanic != null)
            s_unhandledPanic(message, throwSite);
        Fail(message, exception);
    }

    internal static void Fail(string message, object? exception)
    {
        if (s_panic != null)
            s_panic(message, exception);
        fixed (char* text = message)
            EarlyPanic(text, message.Length);
    }

    // A managed `new` the heap cannot serve throws OutOfMemoryException, as in .NET; one made
    // in advance, since nothing can be allocated now.
    internal static void OutOfMemory(nuint size)
    {
        s_failedSize = size;
        OutOfMemoryException? preallocated = ExceptionDispatch.PreallocatedOutOfMemory;
        if (preallocated is not null)
            throw preallocated;
        OutOfMemoryPanic(size);
    }

    private static void OutOfMemoryPanic(nuint size)
    {
        HeapStatistics stats = HeapSeam.Statistics;
        // Built without allocating: the heap has just said no.
        char* buffer = stackalloc char[256];
        int length = 0;
        Append(buffer, ref length, "out of memory: asked for ");
        AppendNumber(buffer, ref length, size);
        Append(buffer, ref length, " bytes; in use ");
        AppendNumber(buffer, ref length, (nuint)stats.BytesInUse);
        Append(buffer, ref length, ", free ");
        AppendNumber(buffer, ref length, (nuint)stats.BytesFree);
        Append(buffer, ref length, ", allocations ");
        AppendNumber(buffer, ref length, (nuint)stats.Allocations);
        Append(buffer, ref length, ", failures ");
        AppendNumber(buffer, ref length, (nuint)stats.Failures);
        EarlyPanic(buffer, length);
    }

    private static void Append(char* buffer, ref int length, string text)
    {
        for (int i = 0; i < text.Length && length < 256; i++)
            buffer[length++] = text[i];
    }

    private static void AppendNumber(char* buffer, ref int length, nuint value)
    {
        Span<char> digits = stackalloc char[Number.MaxDigits];
        int count = Number.FormatUInt64(value, digits);
        for (int i = 0; i < count && length < 256; i++)
            buffer[length++] = digits[i];
    }

    [System.Runtime.InteropServices.DllImport("*", EntryPoint = "uk_early_panic"), System.Runtime.InteropServices.SuppressGCTransition]
    private static extern void EarlyPanic(char* message, int length);
}
