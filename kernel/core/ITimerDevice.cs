namespace Uk.Core;

// A one-shot timer: one deadline at a time, no periodic tick. An armed deadline is replaced
// by the next ArmAt, never cancelled: the scheduler ignores a timer that finds nothing due.
public interface ITimerDevice
{
    // Fires the timer interrupt once Clock.Monotonic reaches deadline (at once if past).
    void ArmAt(long deadline);
}
