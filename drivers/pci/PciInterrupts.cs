using System;
using Uk.Core;

namespace Uk.Drivers.Pci;

// Legacy INTx lines are shared: several functions can sit on one IRQ, and the interrupt
// controller keeps one handler per line, so the bus registers one dispatcher per line and
// calls every device handler on it (each checks its own device's status).
public static class PciInterrupts
{
    private const int Lines = 16;
    private static readonly Action?[][] s_handlers = new Action?[Lines][];
    private static readonly int[] s_counts = new int[Lines];

    // False when the firmware gave the function no usable line (then poll).
    public static bool AttachLegacy(PciDevice device, Action handler)
    {
        int line = device.InterruptLine;
        if (device.InterruptPin == 0 || line == 0 || line >= Lines || Interrupts.Controller is null)
            return false;
        ulong flags = Interrupts.Disable();
        Action?[]? handlers = s_handlers[line];
        if (handlers is null)
            s_handlers[line] = handlers = new Action?[4];
        if (s_counts[line] == handlers.Length)
        {
            var larger = new Action?[handlers.Length * 2];
            for (int i = 0; i < handlers.Length; i++)
                larger[i] = handlers[i];
            s_handlers[line] = handlers = larger;
        }
        handlers[s_counts[line]++] = handler;
        bool first = s_counts[line] == 1;
        Interrupts.Restore(flags);
        if (first)
            Interrupts.Register(line, DispatcherFor(line));
        return true;
    }

    private static Action DispatcherFor(int line) => () => Dispatch(line);

    private static void Dispatch(int line)
    {
        Action?[]? handlers = s_handlers[line];
        int count = s_counts[line];
        for (int i = 0; i < count; i++)
            handlers![i]!();
    }
}
