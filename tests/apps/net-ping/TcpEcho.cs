using System;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;
using Uk.Sched;

// One TCP connection on port 7, echoed until the peer closes: the guest glue's TCP wiring
// (Network.Tcp) end to end, under the same lock and wake-up rules as UDP.
static class TcpEcho
{
    public static long Run(NetStack stack, long deadline)
    {
        TcpLayer tcp = Network.Tcp!;
        var wake = new Event(autoReset: true);
        Network.Lock.Lock();
        TcpListenerEndpoint listener = tcp.Listen(stack.Address, 7, 4);
        listener.Changed = wake.Set;
        Network.Lock.Unlock();
        Console.WriteLine("net-ping: tcp echo on 7");

        TcpConnection? connection = null;
        while (connection is null)
        {
            Network.Lock.Lock();
            connection = listener.Accept();
            if (connection is not null)
                connection.Changed = _ => wake.Set();
            Network.Lock.Unlock();
            if (connection is null && !wake.Wait(deadline))
                return -1;
        }

        var buffer = new byte[8192];
        int pending = 0, offset = 0;
        long echoed = 0;
        bool done = false;
        while (!done)
        {
            Network.Lock.Lock();
            long now = Clock.Monotonic;
            bool progress = false;
            if (pending == 0)
            {
                int n = connection.Receive(buffer, now);
                pending = n;
                offset = 0;
                progress = n > 0;
                if (n == 0 && (connection.RemoteClosed || connection.IsReset))
                    done = true;
            }
            if (pending > 0)
            {
                int sent = connection.Send(new ReadOnlySpan<byte>(buffer, offset, pending), now);
                offset += sent;
                pending -= sent;
                echoed += sent;
                progress |= sent > 0;
            }
            if (done)
                connection.Close(now);
            Network.Lock.Unlock();
            if (!done && !progress && !wake.Wait(deadline))
                return -1;
        }
        return echoed;
    }
}
