using Uk.Net;
using Uk.NetDev;

namespace HttpServer;

// The stack's counters as text, read under the stack's lock, then the device driver's (all of
// them, zeros included: a test reads "netdev-rx-errors 0" as a statement).
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
        {
            NetDeviceStatistics d = device.Statistics;
            text += "netdev-rx-frames " + d.FramesReceived.ToString() + "\nnetdev-rx-bytes " + d.BytesReceived.ToString()
                + "\nnetdev-rx-errors " + d.ReceiveErrors.ToString() + "\nnetdev-rx-dropped " + d.ReceiveDropped.ToString()
                + "\nnetdev-tx-frames " + d.FramesTransmitted.ToString() + "\nnetdev-tx-bytes " + d.BytesTransmitted.ToString()
                + "\nnetdev-tx-errors " + d.TransmitErrors.ToString() + "\nnetdev-tx-busy " + d.TransmitBusy.ToString()
                + "\nnetdev-interrupts " + d.Interrupts.ToString() + "\n";
        }
        return text;
    }
}
