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
// stack). Arguments: [port=80] [max-connections=512]
int port = 80;
int maxConnections = 512;
for (int i = 0; i < args.Length; i++)
{
    if (args[i].StartsWith("port="))
        port = int.Parse(args[i].Substring(5));
    else if (args[i].StartsWith("max-connections="))
        maxConnections = int.Parse(args[i].Substring(16));
}

var pages = new Pages();
LoadFiles(pages, "/www", "");
var limits = new HttpLimits();
var statistics = new ServerStatistics();

if (!Network.WaitConfigured(Clock.Monotonic + 30 * Clock.NanosecondsPerSecond))
{
    Console.WriteLine("httpserver: no network address (is there a -netdev and a virtio-net-pci device?)");
    return 1;
}
var listener = new TcpListener(IPAddress.Any, port);
listener.Start(256);
Console.WriteLine("httpserver: listening on http://" + Network.Stack!.Address.ToString() + ":" + port.ToString() + "/ ("
    + pages.Count.ToString() + " pages)");

while (true)
{
    Socket client = listener.AcceptSocket();
    statistics.Connections++;
    if (statistics.Active >= maxConnections)
    {
        client.Close();
        continue;
    }
    client.ReceiveTimeout = 60_000;
    statistics.Active++;
    var connection = new HttpConnection(client, pages, limits, statistics);
    Thread.Start(() =>
    {
        connection.Run();
        statistics.Active--;
    }, "http");
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
