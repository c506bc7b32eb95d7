using Uk.Core;
using Uk.Drivers.Apic.Controllers;
using Uk.Drivers.Apic.Time;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// Wires what HardwareDiscovery found into the kernel: the IRQ router and dispatch, the
// monotonic and wall clocks, the one-shot timer; then turns interrupts on. Every device line
// stays masked until a driver registers a handler for it.
internal static unsafe class InterruptSetup
{
    public static void Run()
    {
        LocalApic? apic = PlatformHardware.LocalApic;
        IIrqRouter router = PlatformHardware.UsesIoApic
            ? new IoApicRouter(PlatformHardware.IoApics!, apic!)
            : new PicRouter(PlatformHardware.Pic!);
        InterruptDispatch.Install(router, &LocalEndOfInterrupt, &TimerAcknowledge);

        TscClock? clock = PlatformHardware.Clock;
        if (clock is not null)
        {
            long bootWall = PlatformHardware.HasBootWallClock
                ? PlatformHardware.BootWallClock.ToUnixSeconds() * Uk.Core.Clock.NanosecondsPerSecond - (long)PlatformHardware.BootWallClockNanoseconds
                : 0;
            Uk.Core.Clock.Install(new TscClockSource(clock, bootWall));
            if (apic is not null)
                Timer.Install(new ApicTimerDevice(apic, clock));
        }
        Log.Info("interrupts: " + router.Name + (Timer.IsAvailable ? ", one-shot local APIC timer (no periodic tick)" : ", no timer"));
        Uk.Core.Plat.EnableInterrupts();
    }

    private static void LocalEndOfInterrupt() => PlatformHardware.LocalApic?.EndOfInterrupt();

    private static void TimerAcknowledge()
    {
        LocalApic? apic = PlatformHardware.LocalApic;
        if (apic is null)
            return;
        apic.OnExpired();
        apic.EndOfInterrupt();
    }
}
