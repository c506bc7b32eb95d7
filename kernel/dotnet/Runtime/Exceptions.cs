using System.Runtime;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// Exception dispatch with .NET's CoreLib: its two-pass dispatcher walks frames through the
// runtime's stack frame iterator and clause enumerator. Not served yet: a throw stops the
// kernel with the exception's type rather than unwinding wrongly.
internal static unsafe class Exceptions
{
    [RuntimeExport("uk_dispatch_throw")]
    private static void Throw(object exception, void* site) =>
        RuntimeFailure.Fail("dotnet: exception thrown (" + exception.GetType().FullName + ": " + (exception as System.Exception)?.Message + "), but exception dispatch is not served by the kernel yet", exception);

    [RuntimeExport("uk_dispatch_rethrow")]
    private static void Rethrow(void* site) => Unserved.Fail("rethrow");

    [RuntimeExport("uk_dispatch_hardware_fault")]
    private static void HardwareFault(Internal.Runtime.Unwinding.RegisterContext* site, ulong vector, ulong errorCode, ulong faultAddress)
    {
        ulong rip = site->Rip - 1;
        string where = SymbolTable.TryFind(rip, out string name, out ulong offset) ? name + "+0x" + offset.ToString("x") : "0x" + rip.ToString("x");
        RuntimeFailure.Fail("dotnet: fault (vector " + vector.ToString() + ", address 0x" + faultAddress.ToString("x") + ") in " + where + ", but exception dispatch is not served by the kernel yet", null);
    }

    [RuntimeExport("RhpSfiInit")]
    private static bool SfiInit(void* iterator, void* context, bool instructionFault, bool* fixedUp) => Unserved.Fail("RhpSfiInit") != 0;

    [RuntimeExport("RhpSfiNext")]
    private static bool SfiNext(void* iterator, uint* clause, bool* unwound, bool* fixedUp) => Unserved.Fail("RhpSfiNext") != 0;

    [RuntimeExport("RhpEHEnumInitFromStackFrameIterator")]
    private static bool EHEnumInit(void* iterator, void* region, void* enumerator) => Unserved.Fail("RhpEHEnumInitFromStackFrameIterator") != 0;

    [RuntimeExport("RhpEHEnumNext")]
    private static bool EHEnumNext(void* enumerator, void* clause) => Unserved.Fail("RhpEHEnumNext") != 0;

    [RuntimeExport("RhpCallCatchFunclet")]
    private static nint CallCatch(object exception, byte* handler, void* registers, void* exInfo) => (nint)Unserved.Fail("RhpCallCatchFunclet");

    [RuntimeExport("RhpCallFilterFunclet")]
    private static bool CallFilter(object exception, byte* filter, void* registers) => Unserved.Fail("RhpCallFilterFunclet") != 0;

    [RuntimeExport("RhpCallFinallyFunclet")]
    private static void CallFinally(byte* handler, void* registers) => Unserved.Fail("RhpCallFinallyFunclet");

    [RuntimeExport("RhFindMethodStartAddress")]
    private static nint FindMethodStart(nint address) =>
        SymbolTable.TryFindStart((ulong)address, out ulong start) ? (nint)start : 0;

    [RuntimeExport("RhpGetCurrentThreadStackTrace")]
    private static int CurrentStackTrace(nint* buffer, uint length, nuint framePointer) => 0;

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
}
