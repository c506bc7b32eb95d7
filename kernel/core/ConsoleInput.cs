namespace Uk.Core;

// Console input: bytes the input device received, read one at a time. Reading waits by
// polling the device (pausing the CPU between polls); an interrupt-driven device queues its
// bytes here from its handler, so nothing is lost while the application is busy.
public static class ConsoleInput
{
    private static IConsoleInput? s_device;
    private static bool s_started;
    private const int QueueSize = 1024;
    // Allocated when a device registers: a `new byte[1024]` initialiser would be
    // precomputed by ILC into 1 KiB of zeros in every image's file, input device or not.
    private static byte[]? s_queue;
    private static int s_head;
    private static int s_count;

    public static bool IsAvailable => s_device is not null;

    public static void Register(IConsoleInput device)
    {
        s_queue ??= new byte[QueueSize];
        s_device = device;
    }

    // From an interrupt handler: a byte arrived. Dropped when the queue is full.
    public static void Enqueue(byte value)
    {
        byte[]? queue = s_queue;
        if (queue is null || s_count == queue.Length)
            return;
        queue[(s_head + s_count) % queue.Length] = value;
        s_count++;
    }

    // The next byte, waiting for it; -1 when the image has no input device.
    public static int ReadByte()
    {
        IConsoleInput? device = s_device;
        if (device is null)
            return -1;
        if (!s_started)
        {
            s_started = true;
            device.Start();
        }
        while (true)
        {
            ulong flags = Plat.DisableInterrupts();
            int value = -1;
            // s_count is only ever raised after Register allocated the queue.
            if (s_count > 0 && s_queue is byte[] queue)
            {
                value = queue[s_head];
                s_head = (s_head + 1) % queue.Length;
                s_count--;
            }
            else
                value = device.Poll();
            Plat.RestoreInterrupts(flags);
            if (value >= 0)
                return value;
            Plat.Pause();
        }
    }
}
