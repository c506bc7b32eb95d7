using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// poll(2) over descriptors (Socket.Poll, Socket.Select): sockets report their readiness;
// files and the consoles are always ready, as regular files are on Linux. One socket waits
// on its own signal; several are looked at again every few milliseconds.
internal static unsafe class Polling
{
    // System.Native's PollEvents.
    private const short In = 0x0001;
    private const short Out = 0x0004;
    private const short Error = 0x0008;
    private const short HangUp = 0x0010;
    private const short Invalid = 0x0020;

    private const long RecheckNanoseconds = 2_000_000;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollEvent
    {
        public int FileDescriptor;
        public short Events;
        public short TriggeredEvents;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Poll")]
    private static int Poll(PollEvent* events, uint count, int milliseconds, uint* triggered)
    {
        *triggered = 0;
        long deadline = milliseconds < 0 ? long.MaxValue : milliseconds == 0 ? 0 : SocketDescription.Deadline(milliseconds);
        SocketDescription? only = null;
        int sockets = 0;
        for (uint i = 0; i < count; i++)
        {
            SocketDescription? s = FileDescriptors.FindSocket(events[i].FileDescriptor);
            if (s is not null)
            {
                only = s;
                sockets++;
            }
        }
        while (true)
        {
            int seen = sockets == 1 ? only!.Signal.Version : 0;
            uint ready = 0;
            for (uint i = 0; i < count; i++)
            {
                events[i].TriggeredEvents = Triggered(events[i].FileDescriptor, events[i].Events);
                if (events[i].TriggeredEvents != 0)
                    ready++;
            }
            if (ready > 0 || deadline == 0 || (deadline != long.MaxValue && ClockSeam.MonotonicNanoseconds >= deadline))
            {
                *triggered = ready;
                return 0;
            }
            if (sockets == 1)
                only!.Signal.WaitForChange(seen, deadline);
            else
            {
                long next = ClockSeam.MonotonicNanoseconds + RecheckNanoseconds;
                ThreadingSeam.Installed.SleepUntil(next < deadline ? next : deadline);
            }
        }
    }

    private static short Triggered(int fd, short wanted)
    {
        object? description = fd is 0 or 1 or 2 ? null : FileDescriptors.FindAny(fd);
        if (description is SocketDescription s)
        {
            SocketReadiness readiness = s.Node.Readiness;
            short events = 0;
            if ((readiness & (SocketReadiness.Readable | SocketReadiness.ReadClosed)) != 0)
                events |= In;
            if ((readiness & SocketReadiness.Writable) != 0)
                events |= Out;
            events &= wanted;
            if ((readiness & SocketReadiness.Error) != 0)
                events |= Error;
            if ((readiness & SocketReadiness.Closed) != 0)
                events |= HangUp;
            return events;
        }
        if (description is null && fd is not (0 or 1 or 2))
            return Invalid;
        return (short)(wanted & (In | Out));
    }
}
