namespace Uk.Core;

// The host stand-in for the kernel's interrupt masking the network driver and buffer pool
// use: one thread, nothing to mask.
internal static class Interrupts
{
    public static ulong Disable() => 0;

    public static void Restore(ulong state)
    {
    }
}
