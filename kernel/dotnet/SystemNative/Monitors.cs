using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// The mutex-and-condition pair every lock, wait handle and timer in CoreLib is built on.
// With one thread (no scheduler serving CoreLib's threads yet), acquiring always succeeds
// and a wait could never end: it stops the kernel with the reason.
internal static unsafe class Monitors
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Create")]
    private static nint Create() => (nint)HeapSeam.AllocateAligned(16, 16);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Destroy")]
    private static void Destroy(nint monitor)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Acquire")]
    private static void Acquire(nint monitor) => *(long*)monitor = 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Release")]
    private static void Release(nint monitor) => *(long*)monitor = 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Signal_Release")]
    private static void SignalRelease(nint monitor) => *(long*)monitor = 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Wait")]
    private static void Wait(nint monitor) => RuntimeFailure.Fail("dotnet: a thread waits on a monitor, but threads are not served by the kernel yet: nothing could wake it", null);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_TimedWait")]
    private static int TimedWait(nint monitor, int milliseconds)
    {
        RuntimeFailure.Fail("dotnet: a thread waits on a monitor with a timeout, but threads are not served by the kernel yet", null);
        return 0;
    }
}
