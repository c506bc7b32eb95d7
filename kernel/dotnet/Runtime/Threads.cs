using System;
using System.Runtime;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.Runtime;

// The runtime's view of threads: CoreLib's threads are the scheduler library's (uksched),
// through the threading seam; without a scheduler there is the boot thread only.
internal static unsafe class Threads
{
    // CoreLib's threads need room for its own deep paths (128 KiB free before records'
    // ToString, as .NET checks): a thread that asks for less gets this.
    internal const int MinimumStackSize = 512 * 1024;

    private static delegate* unmanaged<void> s_exitCallback;

    // CoreLib fills the slot lazily with the thread's static blocks.
    [RuntimeExport("RhGetThreadStaticStorage")]
    private static ref object?[]?[]? ThreadStaticStorage() => ref ThreadBlocks.ThreadStatics;

    [RuntimeExport("RhCurrentOSThreadId")]
    private static ulong CurrentThreadId()
    {
        object? thread = ThreadingSeam.IsInstalled ? ThreadingSeam.Installed.CurrentIfRunning : null;
        return thread is null ? 1 : (ulong)ThreadingSeam.Installed.Id(thread);
    }

    [RuntimeExport("RhGetProcessCpuCount")]
    private static int ProcessorCount() => 1;

    [RuntimeExport("RhGetDefaultStackSize")]
    private static nint DefaultStackSize() => MinimumStackSize;

    // CoreLib's clean-up for a managed thread that ends (SystemNative/ThreadCreation).
    [RuntimeExport("RhSetThreadExitCallback")]
    private static void SetThreadExitCallback(delegate* unmanaged<void> callback) => s_exitCallback = callback;

    internal static void RunExitCallback()
    {
        if (s_exitCallback != null)
            s_exitCallback();
    }

    [RuntimeExport("RhGetThreadEntryPointAddress")]
    private static nint ThreadEntryPointAddress() => (nint)uk_dotnet_thread_entry_point();

    // Thread names live in CoreLib's Thread object; the scheduler keeps its own.
    [RuntimeExport("RhSetCurrentThreadName")]
    private static void SetCurrentThreadName(char* name)
    {
    }

    [RuntimeExport("RhSpinWait")]
    private static void SpinWait(int iterations)
    {
        for (int i = 0; i < iterations; i++)
            ukplat_pause();
    }

    [RuntimeExport("RhYield")]
    private static int Yield()
    {
        if (!ThreadingSeam.IsInstalled || ThreadingSeam.Installed.CurrentIfRunning is null)
            return 0;
        ThreadingSeam.Installed.Yield();
        return 1;
    }

    [RuntimeExport("RhpSetThreadDoNotTriggerGC")]
    private static void DoNotTriggerGC()
    {
    }

    [RuntimeExport("RhpGetThreadAbortException")]
    private static object? ThreadAbortException() => null;

    [RuntimeExport("RhGetCurrentThreadStackBounds")]
    private static void CurrentThreadStackBounds(out nint low, out nint high)
    {
        object? thread = ThreadingSeam.IsInstalled ? ThreadingSeam.Installed.CurrentIfRunning : null;
        if (thread is not null && ThreadingSeam.Installed.TryGetStackBounds(thread, out ulong threadLow, out ulong threadHigh))
        {
            low = (nint)threadLow;
            high = (nint)threadHigh;
            return;
        }
        void* top;
        low = (nint)uk_dotnet_boot_stack(&top);
        high = (nint)top;
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_pause();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_thread_entry_point();

    [DllImport("*"), SuppressGCTransition]
    private static extern void* uk_dotnet_boot_stack(void** top);
}
