namespace Uk.Net.Tcp;

// The option kinds this layer reads and writes (IANA's TCP option numbers).
public static class TcpOptionKind
{
    public const byte End = 0;
    public const byte NoOperation = 1;
    public const byte MaxSegmentSize = 2;
    public const byte WindowScale = 3;
    public const byte SackPermitted = 4;
    public const byte Sack = 5;
    public const byte Timestamps = 8;
}
