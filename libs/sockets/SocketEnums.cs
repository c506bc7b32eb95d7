namespace System.Net.Sockets;

public enum AddressFamily
{
    Unspecified = 0,
    InterNetwork = 2,
    InterNetworkV6 = 23,
}

public enum SocketType
{
    Stream = 1,
    Dgram = 2,
}

public enum ProtocolType
{
    Unspecified = 0,
    Tcp = 6,
    Udp = 17,
}

public enum SelectMode
{
    SelectRead,
    SelectWrite,
    SelectError,
}

public enum SocketShutdown
{
    Receive,
    Send,
    Both,
}

// The values .NET gives these errors (Windows Sockets codes), so logs read the same.
public enum SocketError
{
    Success = 0,
    OperationAborted = 995,
    WouldBlock = 10035,
    InvalidArgument = 10022,
    TooManyOpenSockets = 10024,
    MessageSize = 10040,
    ProtocolNotSupported = 10043,
    AddressFamilyNotSupported = 10047,
    AddressAlreadyInUse = 10048,
    AddressNotAvailable = 10049,
    NetworkDown = 10050,
    NetworkUnreachable = 10051,
    ConnectionAborted = 10053,
    ConnectionReset = 10054,
    NoBufferSpaceAvailable = 10055,
    IsConnected = 10056,
    NotConnected = 10057,
    Shutdown = 10058,
    TimedOut = 10060,
    ConnectionRefused = 10061,
    HostUnreachable = 10065,
    HostNotFound = 11001,
    TryAgain = 11002,
}
