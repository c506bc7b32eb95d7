using Uk.Core;
using Uk.Drivers.Apic.Controllers;
using Uk.Drivers.Apic.Time;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// The kernel's one-shot timer: the local APIC timer, deadlines in monotonic nanoseconds
// turned into TSC values.
internal sealed class ApicTimerDevice : ITimerDevice
{
    private readonly LocalApic _apic;
    private readonly TscClock _clock;

    public ApicTimerDevice(LocalApic apic, TscClock clock)
    {
        _apic = apic;
        _clock = clock;
    }

    public void ArmAt(long deadline)
    {
        ulong nanoseconds = deadline < 0 ? 0 : (ulong)deadline;
        _apic.ArmAt(_clock.Origin + _clock.ToTicks(nanoseconds));
    }
}
