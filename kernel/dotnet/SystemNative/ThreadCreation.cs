using System;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Uk.Dotnet.Runtime;

namespace Uk.Dotnet.SystemNative;

// System.Threading.Thread.Start: a scheduler thread (uksched) that calls CoreLib's entry
// point, then CoreLib's exit callback, as a pthread would.
internal static unsafe class ThreadCreation
{
    // The scheduler's priorities run 0-15; .NET's threads start at Normal, 8 (as the minimal
    // corlib maps it). .NET on Linux does not change a thread's priority afterwards.
    private const int NormalPriority = 8;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CreateThread")]
    private static int CreateThread(nint stackSize, void* entryPoint, nint parameter)
    {
        if (!ThreadingSeam.IsInstalled)
        {
            Errors.Fail(Errors.ENOTSUP);
            return 0;
        }
        var start = new ThreadStart(entryPoint, parameter);
        int size = (int)Math.Max(stackSize, Threads.MinimumStackSize);
        return ThreadingSeam.Installed.Start(start.Run, null, NormalPriority, size) is null ? 0 : 1;
    }

    private sealed class ThreadStart(void* entryPoint, nint parameter)
    {
        public void Run()
        {
            ((delegate* unmanaged<nint, nint>)entryPoint)(parameter);
            Threads.RunExitCallback();
        }
    }
}
