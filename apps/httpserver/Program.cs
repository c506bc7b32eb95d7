using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using HttpServer;
using Uk.Core;
using Uk.Net;
using Uk.Sched;

// An HTTP/1.1 static server: built-in pages, files under /www in the VFS, /big?bytes=N,
// /stats. One thread per connection (cheap here: threads are scheduler objects with a small
// stack). Arguments: see ServerOptions.Usage.
string? error = ServerOptions.TryParse(args, out ServerOptions options);
if (error is not null)
{
    Console.WriteLine(error);
    return 2;
}

var pages = new Pages();
LoadFiles(pages, "/www", "");
var statistics = new ServerStatistics();
// Idle buffers kept for 64 connections (2 MiB): enough to make churn allocate nothing, not
// so many that a burst's buffers stay out of reach of the rest of the heap for good.
var buffers = new BufferPool(HttpConnection.BufferSize, 2 * Math.Min(options.MaxConnections, 64));
statistics.Buffers = buffers;
var table = new ConnectionTable();
// Shed connections whose threads have not ended yet: they still count in Active.
int shedding = 0;

if (!Network.WaitConfigured(Clock.Monotonic + 30 * Clock.NanosecondsPerSecond))
{
    Console.WriteLine("httpserver: no network address (is there a -netdev and a virtio-net-pci device?)");
    return 1;
}
var listener = new TcpListener(IPAddress.Any, options.Port);
listener.Start(256);
Console.WriteLine("httpserver: listening on http://" + Network.Stack!.Address.ToString() + ":" + options.Port.ToString() + "/ ("
    + pages.Count.ToString() + " pages)");

// 56 KiB of stack: with the guard page and the allocator's header page the block is 64 KiB
// (64 KiB of stack would take a 128 KiB buddy block).
const int ConnectionStackSize = 56 * 1024;
while (true)
{
    Socket client;
    try
    {
        client = listener.AcceptSocket();
    }
    catch (OutOfMemoryException)
    {
        // Not even the socket object fit: the connection stays queued until memory comes back.
        statistics.OutOfMemory++;
        Thread.SleepMilliseconds(10);
        continue;
    }
    statistics.Connections++;
    IPAddress? peer = PeerOf(client);
    // Full (for this peer, or for everyone): the connection that has waited longest for a
    // request makes room (slow clients cannot hold every slot); if every one is busy with a
    // request, refuse.
    AdmissionOutcome admission = Admission.Decide(table, peer, statistics.Active - shedding, options.MaxConnections,
        options.MaxConnectionsPerPeer, out IServedConnection? victim);
    if (admission == AdmissionOutcome.RefuseBusy || admission == AdmissionOutcome.RefusePeerLimit)
    {
        if (admission == AdmissionOutcome.RefuseBusy)
            statistics.RefusedBusy++;
        else
            statistics.RefusedPeerLimit++;
        Refusal.Send(client);
        continue;
    }
    if (victim is not null)
    {
        if (admission == AdmissionOutcome.ShedForPeer)
            statistics.ShedForPeer++;
        victim.Shed();
        shedding++;
    }
    if (!Serve(client, peer))
    {
        statistics.RefusedNoMemory++;
        Refusal.Send(client);
    }
}

// False when there is no memory to serve the client: for its thread's stack, or its objects.
bool Serve(Socket client, IPAddress? peer)
{
    statistics.Active++;
    HttpConnection? connection = null;
    try
    {
        var created = new HttpConnection(client, peer, pages, options.Limits, statistics, buffers);
        connection = created;
        table.Add(created);
        if (Thread.TryStart(() =>
        {
            created.Run();
            table.Remove(created);
            if (created.IsShed)
                shedding--;
            statistics.Active--;
        }, "http", ThreadPriority.Normal, ConnectionStackSize) is not null)
            return true;
    }
    catch (OutOfMemoryException)
    {
    }
    if (connection is not null)
        table.Remove(connection);
    statistics.Active--;
    return false;
}

// The client's address, or null when it cannot be had (reset already, or no memory for the
// end point object): such a connection is held to the server's limit only.
static IPAddress? PeerOf(Socket client)
{
    try
    {
        return (client.RemoteEndPoint as IPEndPoint)?.Address;
    }
    catch (OutOfMemoryException)
    {
        return null;
    }
}

// Every file under the folder, served at its path below it (index.html also at the folder).
static void LoadFiles(Pages pages, string folder, string prefix)
{
    if (!Directory.Exists(folder))
        return;
    string[] entries = Directory.GetFiles(folder);
    for (int i = 0; i < entries.Length; i++)
    {
        string name = entries[i].Substring(entries[i].LastIndexOf('/') + 1);
        byte[] content = File.ReadAllBytes(entries[i]);
        pages.Add(prefix + "/" + name, content);
        if (name == "index.html")
            pages.Add(prefix + "/", content);
    }
}
