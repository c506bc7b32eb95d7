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
    private static bool s_heldOff;
    // Allocated when a device registers: a `new byte[...]` initialiser would be precomputed
    // by ILC into the image's file, input device or not.
    private static byte[]? s_queue;
    private static int s_head;
    private static int s_count;

    public const int NoDevice = -1;

    public static bool IsAvailable => s_device is not null;

    // Whether Enqueue would take another byte; a device that sees false leaves the rest in
    // its FIFO until Resume.
    public static bool CanAccept => s_queue is byte[] queue && s_count < queue.Length;

    public static void Register(IConsoleInput device)
    {
        s_queue ??= new byte[QueueSize];
        s_device = device;
    }

    // From an interrupt handler (or Resume): a byte arrived. False, and the byte not taken,
    // when the queue is full; a device asks CanAccept first and leaves such bytes in its FIFO.
    public static bool Enqueue(byte value)
    {
        byte[]? queue = s_queue;
        if (queue is null || s_count == queue.Length)
            return false;
        queue[(s_head + s_count) % queue.Length] = value;
        s_count++;
        if (!s_heldOff && s_count >= queue.Length - HoldOffSlack && s_device is IConsoleInput device)
        {
            s_heldOff = true;
            device.HoldOff();
        }
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

    // Waits until a byte can be read or Clock.Monotonic reaches the deadline; false at the
    // deadline or when the image has no input device. Takes nothing from the input.
    public static bool WaitForInput(long deadline)
    {
        IConsoleInput? device = StartedDevice();
        if (device is null)
            return false;
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            if (s_count == 0)
            {
                int value = device.Poll();
                if (value >= 0)
                    Enqueue((byte)value);
            }
            bool ready = s_count > 0;
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
        // s_count is only ever raised after Register allocated the queue.
        if (s_count == 0 || s_queue is not byte[] queue)
            return device.Poll();
        int value = queue[s_head];
        s_head = (s_head + 1) % queue.Length;
        s_count--;
        if (s_heldOff && s_count <= queue.Length / 2)
        {
            s_heldOff = false;
            device.Resume();
        }
        return value;
    }
}
