using Uk.Core;

namespace Uk.Sched;

public static unsafe class SchedLibrary
{
    // System.Threading's types run on this scheduler. The policy library's init (class early/lib) has installed its policy by now; Main then
    // runs as the first thread instead of on the boot stack.
    public static void Initialize()
    {
        Kernel.SetMainRunner(&Scheduler.RunMain);
        Internal.Runtime.ThreadingSeam.Install(new SystemThreadingBridge());
    }
}
