using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

// What a person at a PC does: reads the screen, types a line, and the machine answers over
// the network with that line and a file from its disk, then powers off.
Console.WriteLine("pc-machine: no serial port here");
Console.WriteLine("type a line:");
string typed = Console.ReadLine() ?? "";
Console.WriteLine("typed: " + typed);

string disk = File.ReadAllText("/disk/HELLO.TXT").Trim();
Console.WriteLine("disk: " + disk);

var listener = new TcpListener(IPAddress.Any, 80);
listener.Start();
Console.WriteLine("serving on port 80");
using (TcpClient client = listener.AcceptTcpClient())
{
    NetworkStream stream = client.GetStream();
    ReadRequestHead(stream);
    string body = "typed=" + typed + "; disk=" + disk;
    Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body);
}
listener.Stop();
Console.WriteLine("answered; powering off");
return 0;

// Up to the blank line that ends the head (the request has no body).
static void ReadRequestHead(NetworkStream stream)
{
    var one = new byte[1];
    int matched = 0;
    while (matched < 4 && stream.Read(one, 0, 1) == 1)
        matched = one[0] == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : one[0] == '\r' ? 1 : 0;
}

static void Write(NetworkStream stream, string text)
{
    var bytes = new byte[text.Length];
    for (int i = 0; i < text.Length; i++)
        bytes[i] = (byte)text[i];
    stream.Write(bytes, 0, bytes.Length);
}
