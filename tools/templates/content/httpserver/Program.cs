using System;
using System.Net;
using System.Net.Sockets;

// Template httpserver: answers GET / with a greeting and anything else with 404, one request
// per connection. apps/httpserver in the repository is the full version (keep-alive,
// pipelining, limits, files, a thread per connection).
var listener = new TcpListener(IPAddress.Any, 80);
listener.Start();
Console.WriteLine("ukapp: listening on port 80");
byte[] buffer = new byte[4096];
while (true)
{
    using TcpClient client = listener.AcceptTcpClient();
    NetworkStream stream = client.GetStream();
    int length = stream.Read(buffer, 0, buffer.Length);
    bool root = length >= 6 && buffer[0] == 'G' && buffer[1] == 'E' && buffer[2] == 'T' && buffer[3] == ' ' && buffer[4] == '/' && buffer[5] == ' ';
    string body = root ? "Hello from ukapp\n" : "404 Not Found\n";
    string response = (root ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.Length.ToString() + "\r\nConnection: close\r\n\r\n" + body;
    byte[] bytes = new byte[response.Length];
    for (int i = 0; i < response.Length; i++)
        bytes[i] = (byte)response[i];
    stream.Write(bytes, 0, bytes.Length);
}
