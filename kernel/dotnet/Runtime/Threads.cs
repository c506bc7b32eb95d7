using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.Runtime;

// The runtime's view of threads. Until the scheduler serves CoreLib's threads there is one:
// the boot thread, with one thread-static root in .bss (scanned by the collector as a root).
internal static unsafe class Threads
{
    private static nint s_bootThreadStatics;
    private static delegate* unmanaged<void> s_exitCallback;

    // CoreLib fills the slot lazily with the thread's static blocks.
    [RuntimeExport("RhGetThreadStaticStorage")]
    private static ref object?[]?[]? ThreadStaticStorage()
    {
        fixed (nint* slot = &s_bootThreadStatics)
            return ref Unsafe.AsRef<object?[]?[]?>(slot);
    }

    [RuntimeExport("RhCurrentOSThreadId")]
    private static ulong CurrentThreadId() => 1;

    [RuntimeExport("RhGetProcessCpuCount")]
    private static int ProcessorCount() => 1;

    [RuntimeExport("RhSetThreadExitCallback")]
    private static void SetThreadExitCallback(delegate* unmanaged<void> callback) => s_exitCallback = callback;

    [RuntimeExport("RhSpinWait")]
    private static void SpinWait(int iterations)
    {
        for (int i = 0; i < iterations; i++)
            ukplat_pause();
    }

    [RuntimeExport("RhYield")]
    private static int Yield() => 0;

    [RuntimeExport("RhpSetThreadDoNotTriggerGC")]
    private static void DoNotTriggerGC()
    {
    }

    [RuntimeExport("RhpGetThreadAbortException")]
    private static object? ThreadAbortException() => null;

    [RuntimeExport("RhGetCurrentThreadStackBounds")]
    private static void CurrentThreadStackBounds(out nint low, out nint high)
    {
        void* top;
        low = (nint)uk_dotnet_boot_stack(&top);
        high = (nint)top;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_pause();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_boot_stack(void** top);
}
