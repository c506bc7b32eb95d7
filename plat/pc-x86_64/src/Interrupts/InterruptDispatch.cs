using System;
using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Plat.PcX86_64;

// Every interrupt from vector 32 up arrives here (runtime/interrupts.asm), with interrupts
// off, on the interrupted thread's stack. Device handlers run before the end of interrupt so
// a level-triggered line is quiet when it is re-enabled; the timer is acknowledged first.
// Last comes the scheduler's preemption point, which may switch threads.
public sealed unsafe class InterruptDispatch : IInterruptController
{
    private readonly Action?[] _handlers = new Action?[256];
    private readonly IIrqRouter _router;
    private readonly delegate*<void> _localEndOfInterrupt;
    private readonly delegate*<void> _timerAcknowledge;
    private ulong _spurious;

    private static InterruptDispatch? s_instance;

    private InterruptDispatch(IIrqRouter router, delegate*<void> localEndOfInterrupt, delegate*<void> timerAcknowledge)
    {
        _router = router;
        _localEndOfInterrupt = localEndOfInterrupt;
        _timerAcknowledge = timerAcknowledge;
    }

    public string Name => _router.Name;

    public ulong SpuriousCount => _spurious;

    // localEndOfInterrupt ends an interrupt at the local APIC (an IPI's); timerAcknowledge
    // ends the timer's (and lets the timer driver see when it fired).
    public static InterruptDispatch Install(IIrqRouter router, delegate*<void> localEndOfInterrupt, delegate*<void> timerAcknowledge)
    {
        var dispatch = new InterruptDispatch(router, localEndOfInterrupt, timerAcknowledge);
        s_instance = dispatch;
        Uk.Core.Interrupts.Install(dispatch);
        return dispatch;
    }

    public void Register(int irq, Action handler)
    {
        ulong flags = Uk.Core.Interrupts.Disable();
        int vector = _router.Route(irq);
        if (vector < 0)
        {
            Uk.Core.Interrupts.Restore(flags);
            throw new ArgumentOutOfRangeException(nameof(irq), "IRQ " + irq.ToString() + " cannot be routed by the " + _router.Name);
        }
        _handlers[vector] = handler;
        Uk.Core.Interrupts.Restore(flags);
    }

    public bool RegisterMessage(Action handler, out ulong address, out uint data)
    {
        data = 0;
        if (!_router.TryGetMessageAddress(out address))
            return false;
        ulong flags = Uk.Core.Interrupts.Disable();
        for (int vector = InterruptVectors.MessageBase; vector <= InterruptVectors.MessageLast; vector++)
        {
            if (_handlers[vector] is null)
            {
                _handlers[vector] = handler;
                Uk.Core.Interrupts.Restore(flags);
                data = (uint)vector;
                return true;
            }
        }
        Uk.Core.Interrupts.Restore(flags);
        return false;
    }

    [UnmanagedCallersOnly(EntryPoint = "ukplat_interrupt")]
    private static void OnInterrupt(InterruptFrame* frame)
    {
        InterruptDispatch? dispatch = s_instance;
        if (dispatch is null)
            return;
        dispatch.Dispatch((int)frame->Vector);
    }

    private void Dispatch(int vector)
    {
        if (vector == InterruptVectors.Spurious || _router.IsSpurious(vector))
        {
            // No end of interrupt for a spurious interrupt: none is in service.
            _spurious++;
            return;
        }
        Uk.Core.Interrupts.EnterHandler();
        if (vector == InterruptVectors.Timer)
        {
            _timerAcknowledge();
            Timer.OnExpired();
        }
        else
        {
            Action? handler = _handlers[vector];
            if (handler is not null)
                handler();
            else
                _spurious++;
            if (_router.Delivers(vector))
                _router.EndOfInterrupt(vector);
            else
                _localEndOfInterrupt();
        }
        Uk.Core.Interrupts.LeaveHandler();
        Uk.Core.Interrupts.RunExitHook();
    }
}
