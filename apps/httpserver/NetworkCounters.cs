using Uk.Net;
using Uk.NetDev;

namespace HttpServer;

// The stack's counters as text, read under the stack's lock, then the device driver's.
public static class NetworkCounters
{
    public static string Render()
    {
        NetStack? stack = Network.Stack;
        if (stack is null)
            return "";
        Network.Lock.Lock();
        string text = stack.Statistics.Render(nonZeroOnly: true);
        if (Network.Tcp is not null)
            text += Network.Tcp.Statistics.Render(nonZeroOnly: true) + "tcp-connections " + Network.Tcp.ConnectionCount.ToString() + "\n";
        Network.Lock.Unlock();
        INetDevice? device = Network.Device;
        if (device is not null)
            text += device.Statistics.Render();
        return text;
    }
}
