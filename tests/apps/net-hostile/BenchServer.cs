using System;
using System.Collections.Generic;
using Uk.Core;
using Uk.Net;
using Uk.Net.Tcp;
using Uk.Sched;

// "serve" mode, bench/net's stand-in until apps/httpserver exists: HTTP/1.0 on port 80 for
// ever, many connections on one thread; GET /big answers big-mb MiB, anything else the
// 612-byte page; each connection closes after its answer (as busybox httpd does).
static class BenchServer
{
    private sealed class Client
    {
        public required TcpConnection Connection;
        public int Marker;
        public long Remaining = -1;
        public int Offset;
        public byte[]? Body;
        public bool Big;
    }

    public static void Run(NetStack stack, long bigBytes)
    {
        TcpLayer tcp = Network.Tcp!;
        var wake = new Event(autoReset: true);
        byte[] page = Ascii(Header(612) + Page());
        byte[] chunk = new byte[16384];
        for (int i = 0; i < chunk.Length; i++)
            chunk[i] = (byte)(i * 7);
        byte[] bigHeader = Ascii(Header(bigBytes));
        Network.Lock.Lock();
        TcpListenerEndpoint listener = tcp.Listen(stack.Address, 80, 128);
        listener.Changed = wake.Set;
        Network.Lock.Unlock();
        Console.WriteLine("net-hostile: serving on 80");
        var clients = new List<Client>();
        var buffer = new byte[2048];
        while (true)
        {
            Network.Lock.Lock();
            long now = Clock.Monotonic;
            TcpConnection? accepted;
            while ((accepted = listener.Accept()) is not null)
            {
                accepted.Changed = _ => wake.Set();
                clients.Add(new Client { Connection = accepted });
            }
            for (int i = clients.Count - 1; i >= 0; i--)
            {
                Client c = clients[i];
                if (c.Remaining < 0)
                {
                    int n;
                    while (c.Marker < 4 && (n = c.Connection.Receive(buffer, now)) > 0)
                    {
                        if (c.Marker == 0 && n >= 8 && buffer[4] == '/' && buffer[5] == 'b' && buffer[6] == 'i' && buffer[7] == 'g')
                            c.Big = true;
                        for (int k = 0; k < n && c.Marker < 4; k++)
                        {
                            byte want = (c.Marker & 1) == 0 ? (byte)'\r' : (byte)'\n';
                            c.Marker = buffer[k] == want ? c.Marker + 1 : (buffer[k] == '\r' ? 1 : 0);
                        }
                    }
                    if (c.Marker == 4)
                    {
                        c.Body = c.Big ? bigHeader : page;
                        c.Remaining = c.Big ? bigBytes : 0;
                    }
                    else if (c.Connection.RemoteClosed || c.Connection.IsReset)
                    {
                        c.Connection.Close(now);
                        clients.RemoveAt(i);
                        continue;
                    }
                }
                while (c.Body is not null)
                {
                    int sent = c.Connection.Send(new ReadOnlySpan<byte>(c.Body, c.Offset, c.Body.Length - c.Offset), now);
                    if (sent == 0) break;
                    c.Offset += sent;
                    if (c.Offset < c.Body.Length) continue;
                    c.Offset = 0;
                    if (c.Remaining <= 0)
                    {
                        c.Body = null;
                        c.Connection.Close(now);
                        clients.RemoveAt(i);
                        break;
                    }
                    int size = (int)Math.Min(chunk.Length, c.Remaining);
                    c.Remaining -= size;
                    c.Body = size == chunk.Length ? chunk : new byte[size];
                }
                if (c.Connection.IsReset && i < clients.Count && clients[i] == c)
                    clients.RemoveAt(i);
            }
            Network.Lock.Unlock();
            wake.Wait(Clock.Monotonic + 1_000_000_000);
        }
    }

    private static string Header(long length) =>
        "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + length.ToString() + "\r\nConnection: close\r\n\r\n";

    // The same 612 bytes as bench/net's IndexPage.cs.
    private static string Page()
    {
        const string head = "<!DOCTYPE html>\n<html>\n<head>\n<title>bench/net</title>\n</head>\n<body>\n<h1>bench/net</h1>\n<p>";
        const string tail = "</p>\n</body>\n</html>\n";
        return head + new string('x', 612 - head.Length - tail.Length) + tail;
    }

    private static byte[] Ascii(string text)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }
}
