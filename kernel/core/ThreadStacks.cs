namespace Uk.Core;

// The stacks a collector must scan for references, as the scheduler knows them: a thread
// library installs the enumeration; without one the only stack is the boot stack, which lies
// in the image's .bss. Called with interrupts off, so no thread runs or exits meanwhile.
public static unsafe class ThreadStacks
{
    // visit(lowest address still in use, top) for every thread stack. For the running thread
    // the lowest address is 0: only the caller knows where its stack pointer is.
    private static delegate*<delegate*<ulong, ulong, void>, void> s_enumerate;

    public static bool HasScheduler => s_enumerate != null;

    public static void SetEnumerator(delegate*<delegate*<ulong, ulong, void>, void> enumerate) => s_enumerate = enumerate;

    public static void ForEach(delegate*<ulong, ulong, void> visit)
    {
        if (s_enumerate != null)
            s_enumerate(visit);
    }
}
