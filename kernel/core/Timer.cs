namespace Uk.Core;

// The one-shot timer as the scheduler uses it: arm a deadline, get a call when it passes.
public static unsafe class Timer
{
    private static ITimerDevice? s_device;
    private static delegate*<void> s_handler;

    public static bool IsAvailable => s_device is not null;

    // Timer interrupts taken, for the benchmarks and the idle test.
    public static ulong Interrupts { get; private set; }

    public static void Install(ITimerDevice device) => s_device = device;

    public static void SetHandler(delegate*<void> handler) => s_handler = handler;

    public static void ArmAt(long deadline) => s_device?.ArmAt(deadline);

    // Called by the platform from the timer interrupt, with interrupts off.
    public static void OnExpired()
    {
        Interrupts++;
        if (s_handler != null)
            s_handler();
    }
}
