namespace System.Net.Sockets;

public class SocketException : System.Exception
{
    public SocketException(SocketError error) : this(error, DescribeError(error))
    {
    }

    public SocketException(SocketError error, string message) : base(message) => SocketErrorCode = error;

    public SocketError SocketErrorCode { get; }

    public int ErrorCode => (int)SocketErrorCode;

    private static string DescribeError(SocketError error) => error switch
    {
        SocketError.TimedOut => "the operation timed out",
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.NotConnected => "the socket is not connected",
        SocketError.AddressAlreadyInUse => "address already in use",
        SocketError.NetworkDown => "no network interface (add virtio-net and a -netdev to the VM)",
        SocketError.HostNotFound => "host not found",
        SocketError.TooManyOpenSockets => "connection limit reached (netstack.max-connections)",
        SocketError.Shutdown => "the socket was shut down",
        SocketError.OperationAborted => "the socket was closed",
        SocketError.WouldBlock => "the operation would block",
        _ => "socket error " + ((int)error).ToString(),
    };
}
