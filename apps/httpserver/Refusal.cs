using System.Net.Sockets;

namespace HttpServer;

// Turns a connection away from the accept loop: a fixed 503 and close. The send fits in a new
// connection's empty send buffer, so the accept loop never waits on the client.
public static class Refusal
{
    private static readonly byte[] s_response = Ascii("HTTP/1.1 503 Service Unavailable\r\nServer: unikraft-dotnet\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 24\r\nRetry-After: 1\r\nConnection: close\r\n\r\n503 Service Unavailable\n");

    public static void Send(Socket client)
    {
        try
        {
            client.Blocking = false;
            client.Send(s_response);
        }
        catch (SocketException)
        {
            // Gone already, or no room: the close below is the refusal then.
        }
        client.Close();
    }

    private static byte[] Ascii(string text)
    {
        byte[] bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }
}
