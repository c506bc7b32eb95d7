using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Uk.Core;
using Uk.Net;

// Echoes every UDP datagram back to its sender, and every byte of every TCP connection back
// on it, all on one thread: SocketPoller says which socket is ready. Arguments: [port=7]
// [datagrams=N] (exit after echoing N datagrams; 0 runs forever).
int port = 7;
long stopAfter = 0;
for (int i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("port="))
        port = int.Parse(args[i].Substring(5));
    else if (args[i].StartsWith("datagrams="))
        stopAfter = long.Parse(args[i].Substring(10));
}
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
                udp.SendTo(new ReadOnlySpan<byte>(buffer, 0, length), from);
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
Console.WriteLine("udpecho: echoed " + datagrams.ToString() + " datagrams, served " + connections.ToString() + " connections");
Network.PrintStatistics();
return 0;

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
