using System;

namespace Uk.Core;

// The platform's interrupt controllers as drivers see them.
public interface IInterruptController
{
    // "I/O APIC" or "8259 PIC": what routes device interrupts on this machine.
    string Name { get; }

    // Interrupts that arrived with no cause (a PIC's IRQ 7/15 glitch, the local APIC's
    // spurious vector); counted, not fatal.
    ulong SpuriousCount { get; }

    // Routes legacy IRQ line irq (ISA numbering: 1 keyboard, 4 COM1, ...) to handler, which
    // runs with interrupts off and must neither block nor allocate.
    void Register(int irq, Action handler);

    // Gives handler a vector of its own for a message-signalled interrupt (PCI MSI-X): the
    // device writes data to address. False when the machine cannot deliver messages or no
    // vector is left.
    bool RegisterMessage(Action handler, out ulong address, out uint data)
    {
        address = 0;
        data = 0;
        return false;
    }
}
