namespace System.Net.Sockets;

// Accepted for source compatibility; no flag changes behaviour here.
public enum SocketFlags
{
    None = 0,
}
