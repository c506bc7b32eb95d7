using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Stopwatch and Environment.TickCount64 read the kernel's monotonic clock in nanoseconds
// (Stopwatch.Frequency is 1e9 on Unix). An image without a clock library reads 0.
internal static class Time
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetTimestamp")]
    private static long GetTimestamp() => ClockSeam.IsInstalled ? ClockSeam.MonotonicNanoseconds : 0;

    // DateTime.UtcNow: 100 ns ticks since 1970-01-01 UTC.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSystemTimeAsTicks")]
    private static long GetSystemTimeAsTicks() => WallClockSeam.UnixNanoseconds / 100;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetLowResolutionTimestamp")]
    private static long GetLowResolutionTimestamp() => ClockSeam.IsInstalled ? ClockSeam.MonotonicNanoseconds / 1_000_000 : 0;
}
