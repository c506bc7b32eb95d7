using Uk.Core;

namespace Uk.Sched;

public static unsafe class SchedLibrary
{
    // System.Threading's types run on this scheduler. The policy library's init (class early/lib) has installed its policy by now; Main then
    // runs as the first thread instead of on the boot stack.
    private const long MinimumStackSize = 16 * 1024;

    public static void Initialize()
    {
        if (SchedOptions.StackSize < MinimumStackSize || SchedOptions.MainStackSize < MinimumStackSize)
            throw new System.ArgumentOutOfRangeException("stack-size", "uksched.stack-size and uksched.main-stack-size must be at least 16K");
        Kernel.SetMainRunner(&Scheduler.RunMain);
        Internal.Runtime.ThreadingSeam.Install(new SystemThreadingBridge());
    }
}
