using System;
using Uk.Core;
using Uk.NetDev;
using Uk.Sched;

namespace NetRaw;

// The interface under test and the waiting around it: the device's Notify sets an event,
// a thread sleeps on it (at most a millisecond, so a polled device works too).
public sealed class Link
{
    private readonly Event _signal = new Event(autoReset: true);

    public Link(INetDevice device)
    {
        Device = device;
        device.Notify = Signal;
    }

    public INetDevice Device { get; }

    public ulong Notifications { get; private set; }

    // Frames received but not wanted by the step that waited (ARP requests answered, noise).
    public int Ignored { get; set; }

    private void Signal()
    {
        Notifications++;
        _signal.Set();
    }

    public static long Now => Clock.Monotonic;

    public void Pause(long deadline)
    {
        long now = Clock.Monotonic;
        long until = now + Clock.NanosecondsPerMillisecond;
        _signal.Wait(until < deadline ? until : deadline);
    }

    // The next frame before deadline, or null.
    public NetBuffer? Next(long deadline)
    {
        while (true)
        {
            NetBuffer? frame = Device.Receive();
            if (frame is not null)
                return frame;
            if (Clock.Monotonic >= deadline)
                return null;
            Pause(deadline);
        }
    }

    // A transmit buffer, waiting (until deadline) while every one is in flight.
    public NetBuffer? Rent(long deadline)
    {
        while (true)
        {
            NetBuffer? buffer = Device.TransmitPool.Rent();
            if (buffer is not null)
                return buffer;
            if (Clock.Monotonic >= deadline)
                return null;
            // Receive reclaims finished transmissions; frames arriving meanwhile are dropped.
            Device.Receive()?.Release();
            Pause(deadline);
        }
    }

    // Hands the frame over, waiting while the ring is full; false (buffer released) on timeout.
    public bool Send(NetBuffer frame, long deadline)
    {
        while (!Device.Transmit(frame))
        {
            if (Clock.Monotonic >= deadline)
            {
                frame.Release();
                return false;
            }
            Pause(deadline);
        }
        return true;
    }
}
