namespace Uk.Core;

// A one-shot timer: one deadline at a time, no periodic tick.
public interface ITimerDevice
{
    // Fires the timer interrupt once Clock.Monotonic reaches deadline (at once if past).
    void ArmAt(long deadline);

    void Stop();
}
