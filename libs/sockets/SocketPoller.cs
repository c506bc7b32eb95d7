using System;
using System.Collections.Generic;
using Uk.Core;
using Uk.Net;
using Uk.Sched;

namespace System.Net.Sockets;

// Many sockets watched by one thread (the role epoll or Socket.Select play): Wait sleeps until
// one of them is ready for what it was registered for, then lists the ready ones.
public sealed class SocketPoller
{
    private readonly Event _signal = new Event(autoReset: true);
    private readonly List<Socket> _sockets = new List<Socket>();
    private readonly List<SelectMode> _modes = new List<SelectMode>();

    public int Count => _sockets.Count;

    public void Add(Socket socket, SelectMode mode)
    {
        int index = _sockets.IndexOf(socket);
        if (index >= 0)
        {
            _modes[index] = mode;
            return;
        }
        socket.Poller = this;
        _sockets.Add(socket);
        _modes.Add(mode);
    }

    public void Remove(Socket socket)
    {
        int index = _sockets.IndexOf(socket);
        if (index < 0)
            return;
        _sockets.RemoveAt(index);
        _modes.RemoveAt(index);
        socket.Poller = null;
    }

    // Fills ready with the sockets ready now, waiting up to timeoutMs (-1: forever) for the
    // first; returns how many.
    public int Wait(List<Socket> ready, int timeoutMs)
    {
        ready.Clear();
        long deadline = timeoutMs < 0 ? long.MaxValue : Clock.Monotonic + (long)timeoutMs * Clock.NanosecondsPerMillisecond;
        while (true)
        {
            if (Network.Stack is null)
                throw new SocketException(SocketError.NetworkDown);
            Network.Lock.Lock();
            for (int i = 0; i < _sockets.Count; i++)
            {
                if (_sockets[i].IsReady(_modes[i]) || _sockets[i].IsReady(SelectMode.SelectError))
                    ready.Add(_sockets[i]);
            }
            Network.Lock.Unlock();
            if (ready.Count > 0 || timeoutMs == 0 || Clock.Monotonic >= deadline)
                return ready.Count;
            _signal.Wait(deadline);
        }
    }

    internal void Signal() => _signal.Set();
}
