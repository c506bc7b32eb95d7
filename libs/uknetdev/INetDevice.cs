using System;

namespace Uk.NetDev;

// A network interface as a driver presents it. Received frames are pulled one at a time
// (the driver refills its receive ring as buffers come back); transmitted frames are handed
// over in pooled buffers whose ownership passes to the driver.
public interface INetDevice
{
    // eth0, eth1, ... in discovery order.
    string Name { get; }

    MacAddress Mac { get; }

    // Largest IP packet (Ethernet payload) the device carries; 1500 unless it says otherwise.
    int Mtu { get; }

    bool LinkUp { get; }

    NetOffloads Offloads { get; }

    NetDeviceStatistics Statistics { get; }

    // Buffers to fill for Transmit; Headroom leaves room for the device's own header.
    NetBufferPool TransmitPool { get; }

    // Queues one frame. On true the driver owns the buffer and returns it to its pool once
    // sent; on false (ring full, link down) the caller still owns it.
    bool Transmit(NetBuffer frame);

    // The next received frame, or null when none is waiting. The caller releases it.
    NetBuffer? Receive();

    // Called (from interrupt context: keep it short, no allocation) when frames arrive or
    // transmit space frees up. Null polls.
    Action? Notify { get; set; }
}
