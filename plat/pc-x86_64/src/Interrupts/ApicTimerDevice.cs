using Uk.Core;
using Uk.Plat.PcX86_64.Apic;
using Uk.Plat.PcX86_64.Time;

namespace Uk.Plat.PcX86_64;

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

    public void Stop() => _apic.Stop();
}
