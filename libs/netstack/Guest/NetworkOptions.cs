namespace Uk.Net;

// The manifest options of netstack (library.yaml), set before any init runs.
public static class NetworkOptions
{
    public static string Address = "dhcp";
    public static string Gateway = "";
    public static string Dns = "";
    public static int ArpCache = 64;
    public static long ReassemblyLimit = 64 * 1024;
    public static long UdpQueue = 16 * 1024;
    public static int MaxConnections = 256;
    public static long TcpSendBuffer = 255 * 1024;
    public static long TcpReceiveBuffer = 255 * 1024;
    public static bool TcpSynCookies = true;
    public static bool TcpWindowScaling = true;
    public static bool TcpTimestamps = true;
    public static bool TcpSack = true;
    public static int BootWaitMs = 3000;
    public static int TickMs = 10;
}
