using System.Runtime;
using Internal.Runtime;
using Internal.Runtime.Unwinding;

namespace Uk.Dotnet.Runtime;

// Code addresses for stack traces and method lookups, from the image's symbol table and call
// frame information.
internal static unsafe class StackTraces
{
    [RuntimeExport("RhFindMethodStartAddress")]
    private static nint FindMethodStart(nint address) =>
        SymbolTable.TryFindStart((ulong)address, out ulong start) ? (nint)start : 0;

    // new StackTrace() and Environment.StackTrace: the return addresses of the caller's frames.
    // A negative count asks for a larger buffer, as CoreLib expects.
    [RuntimeExport("RhpGetCurrentThreadStackTrace")]
    private static int CurrentStackTrace(nint* buffer, uint length, nuint framePointer)
    {
        RegisterContext context;
        uk_dotnet_capture_caller(&context);
        FrameTable table = ImageFrames.Table;
        int count = 0;
        while (FrameUnwinder.TryStep(table, ref context, pcIsReturnAddress: true))
        {
            if (count < length)
                buffer[count] = (nint)context.Rip;
            count++;
        }
        return count <= length ? count : -count;
    }

    [RuntimeExport("RhCreateCrashDumpIfEnabled")]
    private static void CreateCrashDump(nint exceptionRecord)
    {
    }

    [RuntimeExport("RhGetCrashInfoBuffer")]
    private static byte* CrashInfoBuffer(int* length)
    {
        *length = 0;
        return null;
    }

    [System.Runtime.InteropServices.DllImport("*"), System.Runtime.InteropServices.SuppressGCTransition]
    private static extern void uk_dotnet_capture_caller(RegisterContext* context);
}
