using System;

namespace Internal.Runtime;

// The platform's hook for faults raised as exceptions (the minimal corlib's seam). With .NET's
// CoreLib the exception for a fault is made by CoreLib's RhThrowHwEx from the fault's code.
internal static unsafe class ExceptionDispatch
{
    private static delegate*<ulong, ulong, ulong, ulong, Exception> s_hardwareFault;

    internal static void InstallHardwareFaults(delegate*<ulong, ulong, ulong, ulong, Exception> make) => s_hardwareFault = make;
}
