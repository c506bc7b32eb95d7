using System.Runtime.InteropServices;

namespace Uk.Dotnet.Runtime;

// The runtime's handle and finalization tables change with interrupts off: a collection runs
// with them off on the one CPU, so it never sees a table half-changed, and under a preemptive
// scheduler no other thread changes it meanwhile.
internal static class InterruptsOff
{
    // rflags before; pair with Restore.
    [DllImport("*", EntryPoint = "ukplat_interrupts_disable"), SuppressGCTransition]
    internal static extern ulong Enter();

    [DllImport("*", EntryPoint = "ukplat_interrupts_restore"), SuppressGCTransition]
    internal static extern void Restore(ulong rflags);
}
