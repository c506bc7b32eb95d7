namespace Uk.Core;

// Console input: bytes the input device received, read one at a time. Reading waits by
// polling the device (pausing the CPU between polls); an interrupt-driven device queues its
// bytes here from its handler, so nothing is lost while the application is busy. Nothing is
// dropped when the application falls behind either (300 commands pasted at once while each
// one flushes a disk): near the end of the queue the device is told to hold off (it stops
// draining its FIFO and lowers RTS, so the sender waits), and told to resume once the reader
// has taken half of it. The queue is large enough that a paste of a few thousand bytes fits
// even where the sender ignores flow control.
public static class ConsoleInput
{
    private const int QueueSize = 16 * 1024;
    // Room kept when the device is told to hold off: bytes already in its FIFO and on the
    // line while the sender reacts to RTS.
    private const int HoldOffSlack = 256;
    private static IConsoleInput? s_device;
    private static bool s_started;
    // Made when a device registers: an image without console input carries no 16 KiB of it.
    private static InputQueue? s_queue;

    public const int NoDevice = -1;

    public static bool IsAvailable => s_device is not null;

    // Whether Enqueue would take another byte; a device that sees false leaves the rest in
    // its FIFO until Resume.
    public static bool CanAccept => s_queue is InputQueue queue && !queue.IsFull;

    public static void Register(IConsoleInput device)
    {
        s_queue ??= new InputQueue(QueueSize, HoldOffSlack);
        s_device = device;
    }

    // From an interrupt handler (or Resume): a byte arrived. False, and the byte not taken,
    // when the queue is full; a device asks CanAccept first and leaves such bytes in its FIFO.
    public static bool Enqueue(byte value)
    {
        if (s_queue is not InputQueue queue || !queue.TryEnqueue(value, out bool holdOff))
            return false;
        if (holdOff)
            s_device?.HoldOff();
        return true;
    }

    // The next byte, waiting for it; NoDevice when the image has no input device.
    public static int ReadByte()
    {
        IConsoleInput? device = StartedDevice();
        if (device is null)
            return NoDevice;
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            int value = Dequeue(device);
            Plat.RestoreInterrupts(flags);
            if (value >= 0)
                return value;
            Plat.Pause();
        }
    }

    // Bytes already received, without waiting for more: at least one after ReadByte, so a
    // reader can take a whole pasted line at once. The count taken.
    public static int ReadAvailable(System.Span<byte> destination)
    {
        IConsoleInput? device = StartedDevice();
        if (device is null)
            return 0;
        int taken = 0;
        while (taken < destination.Length)
        {
            ulong flags = Plat.DisableInterrupts();
            int value = Dequeue(device);
            Plat.RestoreInterrupts(flags);
            if (value < 0)
                break;
            destination[taken++] = (byte)value;
        }
        return taken;
    }

    // Waits until a byte can be read or Clock.Monotonic reaches the deadline; false at the
    // deadline or when the image has no input device. Takes nothing from the input.
    public static bool WaitForInput(long deadline)
    {
        IConsoleInput? device = StartedDevice();
        if (device is null || s_queue is not InputQueue queue)
            return false;
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            if (queue.Count == 0)
            {
                int value = device.Poll();
                if (value >= 0)
                    Enqueue((byte)value);
            }
            bool ready = queue.Count > 0;
            Plat.RestoreInterrupts(flags);
            if (ready)
                return true;
            if (Clock.Monotonic >= deadline)
                return false;
            Plat.Pause();
        }
    }

    private static IConsoleInput? StartedDevice()
    {
        IConsoleInput? device = s_device;
        if (device is not null && !s_started)
        {
            s_started = true;
            device.Start();
        }
        return device;
    }

    // With interrupts off: the oldest queued byte, else one straight from the device, else -1.
    private static int Dequeue(IConsoleInput device)
    {
        if (s_queue is not InputQueue queue || queue.Count == 0)
            return device.Poll();
        int value = queue.Dequeue(out bool resume);
        if (resume)
            device.Resume();
        return value;
    }
}
