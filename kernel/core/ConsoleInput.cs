namespace Uk.Core;

// Console input: bytes the input devices received (a serial line, a keyboard: every
// registered device feeds the same queue, in arrival order), read one at a time. Reading
// waits by polling the devices (pausing the CPU between polls); an interrupt-driven device
// queues its bytes here from its handler, so nothing is lost while the application is
// busy. Nothing is dropped when the application falls behind either (300 commands pasted at
// once while each one flushes a disk): near the end of the queue every device is told to
// hold off (a UART stops draining its FIFO and lowers RTS, so the sender waits), and told
// to resume once the reader has taken half of it. The queue is large enough that a paste of
// a few thousand bytes fits even where the sender ignores flow control.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
public static class ConsoleInput
{
    private const int QueueSize = 16 * 1024;
    // Room kept when the device is told to hold off: bytes already in its FIFO and on the
    // line while the sender reacts to RTS.
    private const int HoldOffSlack = 256;
    private static IConsoleInput[] s_devices = new IConsoleInput[2];
    private static int s_count;
    private static bool s_started;
    // Made when a device registers: an image without console input carries no 16 KiB of it.
    private static InputQueue? s_queue;

    public const int NoDevice = -1;

    public static bool IsAvailable => s_count > 0;

    // Whether Enqueue would take another byte; a device that sees false leaves the rest in
    // its FIFO until Resume.
    public static bool CanAccept => s_queue is InputQueue queue && !queue.IsFull;

    // Called by the drivers' init steps, before the first read.
    public static void Register(IConsoleInput device)
    {
        s_queue ??= new InputQueue(QueueSize, HoldOffSlack);
        if (s_count == s_devices.Length)
        {
            IConsoleInput[] larger = new IConsoleInput[s_count * 2];
            new System.ReadOnlySpan<IConsoleInput>(s_devices).CopyTo(larger);
            s_devices = larger;
        }
        s_devices[s_count++] = device;
    }

    // From an interrupt handler (or Resume): a byte arrived. False, and the byte not taken,
    // when the queue is full; a device asks CanAccept first and leaves such bytes in its FIFO.
    public static bool Enqueue(byte value)
    {
        if (s_queue is not InputQueue queue || !queue.TryEnqueue(value, out bool holdOff))
            return false;
        if (holdOff)
        {
            // Every device stops: the queue's slack is shared by all of them.
            for (int i = 0; i < s_count; i++)
                s_devices[i].HoldOff();
        }
        return true;
    }

    // The next byte, waiting for it; NoDevice when the image has no input device.
    public static int ReadByte()
    {
        if (!StartDevices())
            return NoDevice;
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            int value = Dequeue();
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
        if (!StartDevices())
            return 0;
        int taken = 0;
        while (taken < destination.Length)
        {
            ulong flags = Plat.DisableInterrupts();
            int value = Dequeue();
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
        if (!StartDevices() || s_queue is not InputQueue queue)
            return false;
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            if (queue.Count == 0)
            {
                int value = PollDevices();
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

    // False when the image has no input device.
    private static bool StartDevices()
    {
        if (s_count > 0 && !s_started)
        {
            s_started = true;
            for (int i = 0; i < s_count; i++)
                s_devices[i].Start();
        }
        return s_count > 0;
    }

    // With interrupts off: the oldest queued byte, else one straight from a device, else -1.
    private static int Dequeue()
    {
        if (s_queue is not InputQueue queue || queue.Count == 0)
            return PollDevices();
        int value = queue.Dequeue(out bool resume);
        if (resume)
        {
            // A device that drains what waited may fill the queue again: then hold-off was
            // said anew to all, and the rest stay held until the next resume.
            for (int i = 0; i < s_count && !queue.IsHeldOff; i++)
                s_devices[i].Resume();
        }
        return value;
    }

    // The first device, in registration order, that has a byte waiting; -1 when none has.
    private static int PollDevices()
    {
        for (int i = 0; i < s_count; i++)
        {
            int value = s_devices[i].Poll();
            if (value >= 0)
                return value;
        }
        return -1;
    }
}
