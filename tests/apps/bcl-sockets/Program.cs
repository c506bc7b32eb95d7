using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Ordinary System.Net.Sockets code, unmodified, over the loopback interface: each line is
// compared with host .NET's output. Ports are ephemeral (port 0) and never printed, so the
// two runs agree whatever the machine has listening.

Section("tcp, blocking");
using (var listener = new TcpListener(IPAddress.Loopback, 0))
{
    listener.Start();
    int port = ((IPEndPoint)listener.LocalEndpoint).Port;
    Check("listener has a port", (port > 0).ToString());
    var clientThread = new Thread(() =>
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        NetworkStream stream = client.GetStream();
        byte[] request = Encoding.UTF8.GetBytes("hello over tcp");
        stream.Write(request, 0, request.Length);
        client.Client.Shutdown(SocketShutdown.Send);
        var reply = new byte[64];
        int total = 0, read;
        while ((read = stream.Read(reply, total, reply.Length - total)) > 0)
            total += read;
        Check("client got", Encoding.UTF8.GetString(reply, 0, total));
    });
    clientThread.Start();
    using (TcpClient server = listener.AcceptTcpClient())
    {
        Check("accepted connected", server.Connected.ToString());
        Check("peer is loopback", IsLoopback(server.Client.RemoteEndPoint));
        NetworkStream stream = server.GetStream();
        var buffer = new byte[64];
        int total = 0, read;
        while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            total += read;
        string text = Encoding.UTF8.GetString(buffer, 0, total);
        Check("server got", text);
        byte[] answer = Encoding.UTF8.GetBytes(text.ToUpperInvariant());
        stream.Write(answer, 0, answer.Length);
    }
    clientThread.Join();
}

Section("tcp, socket level");
using (var listenSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
{
    listenSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    listenSocket.Listen(8);
    var endPoint = (IPEndPoint)listenSocket.LocalEndPoint!;
    Check("bound to", endPoint.Address.ToString() + " " + (endPoint.Port > 0));
    using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    client.NoDelay = true;
    Check("no delay", client.NoDelay.ToString());
    client.Connect(endPoint);
    using Socket accepted = listenSocket.Accept();
    Check("local of accepted", ((IPEndPoint)accepted.LocalEndPoint!).Port == endPoint.Port ? "listener's port" : "other port");
    Check("remote of accepted", ((IPEndPoint)accepted.RemoteEndPoint!).Port == ((IPEndPoint)client.LocalEndPoint!).Port ? "client's port" : "other port");
    Check("poll read before data", accepted.Poll(0, SelectMode.SelectRead).ToString());
    Check("poll write", client.Poll(0, SelectMode.SelectWrite).ToString());
    client.Send(Encoding.ASCII.GetBytes("0123456789"));
    Check("poll read with data", accepted.Poll(1_000_000, SelectMode.SelectRead).ToString());
    SpinUntil(() => accepted.Available == 10);
    Check("available", accepted.Available.ToString());
    var small = new byte[4];
    Check("receive part", accepted.Receive(small).ToString() + " " + Encoding.ASCII.GetString(small));
    Check("peek", accepted.Receive(small, SocketFlags.Peek).ToString() + " " + Encoding.ASCII.GetString(small));
    var rest = new byte[16];
    Check("receive rest", accepted.Receive(rest).ToString() + " " + Encoding.ASCII.GetString(rest, 0, 6));
    accepted.ReceiveTimeout = 300;
    try
    {
        accepted.Receive(rest);
        Check("receive timeout", "no timeout");
    }
    catch (SocketException e)
    {
        Check("receive timeout", e.SocketErrorCode.ToString());
    }
    client.Shutdown(SocketShutdown.Send);
    Check("receive after peer shutdown", accepted.Receive(rest).ToString());
    Check("poll read at end", accepted.Poll(0, SelectMode.SelectRead).ToString());
}

Section("tcp, errors");
int closedPort;
using (var probe = new TcpListener(IPAddress.Loopback, 0))
{
    probe.Start();
    closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
}
try
{
    using var refused = new TcpClient();
    refused.Connect(IPAddress.Loopback, closedPort);
    Check("connect to closed port", "connected");
}
catch (SocketException e)
{
    Check("connect to closed port", e.SocketErrorCode.ToString());
}
try
{
    using var refusedAsync = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    await refusedAsync.ConnectAsync(IPAddress.Loopback, closedPort);
    Check("connect async to closed port", "connected");
}
catch (SocketException e)
{
    Check("connect async to closed port", e.SocketErrorCode.ToString());
}
using (var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
{
    first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    first.Listen();
    using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    try
    {
        second.Bind(first.LocalEndPoint!);
        second.Listen();
        Check("second listener on a port", "bound");
    }
    catch (SocketException e)
    {
        Check("second listener on a port", e.SocketErrorCode.ToString());
    }
}
using (var unconnected = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
{
    try
    {
        unconnected.Send(new byte[1]);
        Check("send unconnected", "sent");
    }
    catch (SocketException e)
    {
        Check("send unconnected", e.SocketErrorCode.ToString());
    }
}
var disposed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
disposed.Dispose();
try
{
    disposed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
}
catch (ObjectDisposedException e)
{
    Check("use after dispose", e.GetType().Name);
}

Section("tcp, async");
using (var listener = new TcpListener(IPAddress.Loopback, 0))
{
    listener.Start(64);
    int port = ((IPEndPoint)listener.LocalEndpoint).Port;
    Task<long> server = Task.Run(async () =>
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync();
        NetworkStream stream = connection.GetStream();
        var buffer = new byte[8192];
        long sum = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            for (int i = 0; i < read; i++)
                sum += buffer[i];
            await stream.WriteAsync(buffer.AsMemory(0, read));
        }
        return sum;
    });
    using (var client = new TcpClient())
    {
        await client.ConnectAsync(IPAddress.Loopback, port);
        NetworkStream stream = client.GetStream();
        byte[] payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();
        Task writer = Task.Run(async () =>
        {
            for (int offset = 0; offset < payload.Length; offset += 10_000)
                await stream.WriteAsync(payload.AsMemory(offset, Math.Min(10_000, payload.Length - offset)));
            client.Client.Shutdown(SocketShutdown.Send);
        });
        var echoed = new byte[payload.Length];
        int total = 0, read;
        while ((read = await stream.ReadAsync(echoed.AsMemory(total))) > 0)
            total += read;
        await writer;
        Check("echoed bytes", total.ToString());
        Check("echo identical", echoed.AsSpan().SequenceEqual(payload).ToString());
    }
    Check("server sum", (await server).ToString());

    const int Clients = 24;
    Task[] servers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
    {
        using Socket connection = await listener.AcceptSocketAsync();
        var buffer = new byte[256];
        int read = await connection.ReceiveAsync(buffer, SocketFlags.None);
        string line = Encoding.ASCII.GetString(buffer, 0, read);
        await connection.SendAsync(Encoding.ASCII.GetBytes("re:" + line), SocketFlags.None);
        connection.Shutdown(SocketShutdown.Both);
    })).ToArray();
    string[] replies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await socket.SendAsync(Encoding.ASCII.GetBytes("client " + i), SocketFlags.None);
        var buffer = new byte[256];
        int total = 0, read;
        while ((read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None)) > 0)
            total += read;
        return Encoding.ASCII.GetString(buffer, 0, total);
    }));
    await Task.WhenAll(servers);
    Check("concurrent clients", replies.Count(r => r.StartsWith("re:client ")).ToString());
    Check("replies match", replies.Select((r, i) => r == "re:client " + i).All(x => x).ToString());

    using var cancellation = new CancellationTokenSource();
    Task<TcpClient> pendingAccept = listener.AcceptTcpClientAsync(cancellation.Token).AsTask();
    cancellation.CancelAfter(100);
    try
    {
        (await pendingAccept).Dispose();
        Check("cancelled accept", "accepted");
    }
    catch (OperationCanceledException e)
    {
        Check("cancelled accept", e.GetType().Name);
    }

    using var idle = new TcpClient();
    await idle.ConnectAsync(IPAddress.Loopback, port);
    using TcpClient idlePeer = await listener.AcceptTcpClientAsync();
    using var readCancellation = new CancellationTokenSource(150);
    try
    {
        int got = await idle.GetStream().ReadAsync(new byte[16], readCancellation.Token);
        Check("cancelled read", "read " + got);
    }
    catch (OperationCanceledException e)
    {
        Check("cancelled read", e.GetType().Name);
    }
}

Section("udp");
using (var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
using (var sender = new UdpClient(AddressFamily.InterNetwork))
{
    var target = (IPEndPoint)receiver.Client.LocalEndPoint!;
    sender.Connect(target);
    receiver.Client.ReceiveTimeout = 10_000;
    // Past 1,472 bytes a datagram is sent in IP fragments and reassembled (in the guest over
    // its loopback's 1,500-byte frames), up to the 65,507 bytes UDP over IPv4 carries.
    foreach (int size in new[] { 1, 100, 1472, 1473, 8192, 65507 })
    {
        byte[] datagram = Enumerable.Range(0, size).Select(i => (byte)(i ^ size)).ToArray();
        sender.Send(datagram, datagram.Length);
        IPEndPoint? from = null;
        byte[] received = receiver.Receive(ref from);
        Check("datagram " + size, received.Length + " " + received.AsSpan().SequenceEqual(datagram) + " " + (from!.Port == ((IPEndPoint)sender.Client.LocalEndPoint!).Port));
    }
    try
    {
        sender.Send(new byte[65508], 65508);
        Check("datagram 65508", "sent");
    }
    catch (SocketException e)
    {
        Check("datagram 65508", e.SocketErrorCode.ToString());
    }
    await sender.SendAsync(Encoding.ASCII.GetBytes("async datagram"));
    UdpReceiveResult result = await receiver.ReceiveAsync();
    Check("async datagram", Encoding.ASCII.GetString(result.Buffer));
    receiver.Client.ReceiveTimeout = 200;
    try
    {
        IPEndPoint? from = null;
        receiver.Receive(ref from);
        Check("udp receive timeout", "received");
    }
    catch (SocketException e)
    {
        Check("udp receive timeout", e.SocketErrorCode.ToString());
    }
}
using (var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
{
    raw.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    raw.SendTo(Encoding.ASCII.GetBytes("to myself"), raw.LocalEndPoint!);
    var buffer = new byte[64];
    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
    int read = raw.ReceiveFrom(buffer, ref from);
    Check("send to myself", Encoding.ASCII.GetString(buffer, 0, read) + " " + from.Equals(raw.LocalEndPoint));
}

Section("addresses");
Check("parse", IPAddress.Parse("10.0.2.15").ToString() + " " + IPEndPoint.Parse("127.0.0.1:8080"));
IPAddress[] localhost = Dns.GetHostAddresses("localhost").Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray();
Check("localhost", string.Join(",", localhost.Select(a => a.ToString())));
IPAddress[] literal = await Dns.GetHostAddressesAsync("127.0.0.1");
Check("literal", string.Join(",", literal.Select(a => a.ToString())));

Console.WriteLine("done");

static void Section(string name) => Console.WriteLine("== " + name);

static void Check(string label, string value) => Console.WriteLine(label + ": " + value);

static string IsLoopback(EndPoint? endPoint) =>
    endPoint is IPEndPoint ip && (IPAddress.IsLoopback(ip.Address) || ip.Address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip.Address.MapToIPv4())) ? "True" : "False";

static void SpinUntil(Func<bool> condition)
{
    for (int i = 0; i < 200 && !condition(); i++)
        Thread.Sleep(5);
}
