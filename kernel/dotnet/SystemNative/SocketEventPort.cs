using System.Collections.Generic;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// What epoll is to .NET's socket engine on Linux: sockets registered with a cookie; a
// socket whose readiness may have changed is queued once (Post, from the stack's callback);
// Wait hands out the queued sockets with their readiness as it is then. A socket that is
// queued but turns out ready for nothing is skipped, and one that changes again while
// queued is reported once: .NET retries its operations on every event, as with edge-
// triggered epoll, so an extra event costs a retry and none is ever lost.
internal sealed class SocketEventPort
{
    private readonly object _mutex = ThreadingSeam.Installed.NewMutex();
    private readonly object _wake = ThreadingSeam.Installed.NewSemaphore(0);
    private readonly Queue<SocketDescription> _queued = new Queue<SocketDescription>();
    // Only the engine's one event thread waits on a port.
    private readonly List<SocketDescription> _taken = new List<SocketDescription>();

    internal void Post(SocketDescription socket)
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        seam.Lock(_mutex);
        bool wake = false;
        if (!socket.QueuedOnPort)
        {
            socket.QueuedOnPort = true;
            wake = _queued.Count == 0;
            _queued.Enqueue(socket);
        }
        seam.Unlock(_mutex);
        if (wake)
            seam.Release(_wake);
    }

    // Blocks until at least one registered socket is ready for something; fills events
    // and returns how many.
    internal unsafe int Wait(NativeSocketEvent* events, int capacity)
    {
        ThreadingSeam seam = ThreadingSeam.Installed;
        List<SocketDescription> taken = _taken;
        while (true)
        {
            seam.Lock(_mutex);
            while (_queued.Count == 0)
            {
                seam.Unlock(_mutex);
                seam.Wait(_wake, long.MaxValue);
                seam.Lock(_mutex);
            }
            taken.Clear();
            while (_queued.Count > 0 && taken.Count < capacity)
            {
                SocketDescription socket = _queued.Dequeue();
                socket.QueuedOnPort = false;
                taken.Add(socket);
            }
            seam.Unlock(_mutex);
            // Readiness takes the stack's lock: never with the port's held, because the
            // stack's callbacks take the port's.
            int count = 0;
            foreach (SocketDescription socket in taken)
            {
                if (socket.Port != this || socket.Closed)
                    continue;
                SocketReadiness readiness = socket.Node.Readiness;
                if (readiness == SocketReadiness.None)
                    continue;
                events[count].Data = socket.PortData;
                events[count].Events = (int)readiness;
                events[count].Padding = 0;
                count++;
            }
            taken.Clear();
            if (count > 0)
                return count;
        }
    }
}

// System.Native's SocketEvent: the registration's data, the SocketEvents flags, padding.
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct NativeSocketEvent
{
    public nint Data;
    public int Events;
    public int Padding;
}
