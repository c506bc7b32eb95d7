using System;

namespace Uk.Core;

// Device interrupts for drivers, and interrupt masking for code that must not be interrupted.
public static unsafe class Interrupts
{
    private static IInterruptController? s_controller;
    private static delegate*<void> s_exitHook;

    public static IInterruptController? Controller => s_controller;

    public static ulong SpuriousCount => s_controller?.SpuriousCount ?? 0;

    // Interrupt handlers running (the platform counts them): no thread switch while one runs.
    public static int Nesting { get; private set; }

    public static void EnterHandler() => Nesting++;

    public static void LeaveHandler() => Nesting--;

    public static void Install(IInterruptController controller) => s_controller = controller;

    public static void Register(int irq, Action handler)
    {
        if (s_controller is null)
            throw new InvalidOperationException("no interrupt controller: the platform has not set up interrupts yet");
        s_controller.Register(irq, handler);
    }

    // A vector for a device's message-signalled interrupt; false without one (use Register).
    public static bool RegisterMessage(Action handler, out ulong address, out uint data)
    {
        address = 0;
        data = 0;
        return s_controller is not null && s_controller.RegisterMessage(handler, out address, out data);
    }

    // Masks interrupts until the matching Restore; nests.
    public static ulong Disable() => Plat.DisableInterrupts();

    public static void Restore(ulong state) => Plat.RestoreInterrupts(state);

    // The scheduler's preemption point: the platform calls it as every interrupt handler
    // finishes (end of interrupt already signalled, interrupts still off).
    public static void SetExitHook(delegate*<void> hook) => s_exitHook = hook;

    public static void RunExitHook()
    {
        if (s_exitHook != null)
            s_exitHook();
    }
}
