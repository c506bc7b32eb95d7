using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// The thread pool's hill climbing asks how busy the CPU is; the kernel does not account
// CPU time per process (it is the only one), so it reports none.
internal static unsafe class ProcessorUsage
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCpuUtilization")]
    private static int GetCpuUtilization(long* previous)
    {
        previous[0] = 0;
        previous[1] = 0;
        previous[2] = 0;
        return 0;
    }
}
