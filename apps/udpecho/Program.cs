using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Uk.Core;
using Uk.Net;
using UdpEcho;

// Echoes every UDP datagram back to its sender, and every byte of every TCP connection back
// on it, all on one thread: SocketPoller says which socket is ready. Arguments: see
// EchoOptions.Usage. A datagram that cannot be sent back is counted, never fatal.
string? error = EchoOptions.TryParse(args, out EchoOptions options);
if (error is not null)
{
    Console.WriteLine(error);
    return 2;
}
int port = options.Port;
long stopAfter = options.StopAfter;
if (!Network.WaitConfigured(Clock.Monotonic + 30 * Clock.NanosecondsPerSecond))
{
    Console.WriteLine("udpecho: no network address (is there a -netdev and a virtio-net-pci device?)");
    return 1;
}

var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
udp.Bind(new IPEndPoint(IPAddress.Any, port));
var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.Bind(new IPEndPoint(IPAddress.Any, port));
listener.Listen(64);
var poller = new SocketPoller();
poller.Add(udp, SelectMode.SelectRead);
poller.Add(listener, SelectMode.SelectRead);
Console.WriteLine("udpecho: listening on " + Network.Stack!.Address.ToString() + ":" + port.ToString() + " (udp and tcp)");

var ready = new List<Socket>();
byte[] buffer = new byte[65536];
long datagrams = 0;
long connections = 0;
long sendErrors = 0;
while (stopAfter == 0 || datagrams < stopAfter)
{
    poller.Wait(ready, -1);
    for (int i = 0; i < ready.Count; i++)
    {
        Socket socket = ready[i];
        if (socket == udp)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            udp.Blocking = false;
            while (udp.Available > 0)
            {
                int length = udp.ReceiveFrom(buffer, ref from);
                ReadOnlySpan<byte> reply = new ReadOnlySpan<byte>(buffer, 0, length);
                if (options.SizeProbe)
                    reply = SizeProbe.Answer(buffer, length);
                try
                {
                    udp.SendTo(reply, from);
                }
                catch (SocketException e)
                {
                    sendErrors++;
                    if (options.SizeProbe)
                        TrySend(udp, SizeProbe.Refusal(e.Message), from);
                }
                datagrams++;
            }
        }
        else if (socket == listener)
        {
            while (listener.Poll(0, SelectMode.SelectRead))
            {
                Socket client = listener.Accept();
                poller.Add(client, SelectMode.SelectRead);
                connections++;
            }
        }
        else
            EchoStream(socket, buffer, poller);
    }
}
Console.WriteLine("udpecho: echoed " + datagrams.ToString() + " datagrams (" + sendErrors.ToString() + " could not be sent), served "
    + connections.ToString() + " connections");
Network.PrintStatistics();
return 0;

static void TrySend(Socket udp, byte[] datagram, EndPoint to)
{
    try
    {
        udp.SendTo(datagram, to);
    }
    catch (SocketException)
    {
    }
}

// Echoes what the connection has; closes it once the peer has closed its side.
static void EchoStream(Socket socket, byte[] buffer, SocketPoller poller)
{
    try
    {
        int read = socket.Receive(buffer);
        if (read == 0)
        {
            poller.Remove(socket);
            socket.Close();
            return;
        }
        socket.Send(new ReadOnlySpan<byte>(buffer, 0, read));
    }
    catch (SocketException)
    {
        poller.Remove(socket);
        socket.Close();
    }
}
