using System;
using Uk.NetDev;

namespace Uk.Net;

// NetStack's frames onto a uknetdev device: each is copied into a buffer of the device's
// transmit pool. A full pool or ring drops the frame (and counts it); the transports above
// retransmit, as they would after loss on the wire.
public sealed class DeviceLink : INetworkLink
{
    private readonly INetDevice _device;

    public DeviceLink(INetDevice device) => _device = device;

    public int Mtu => _device.Mtu;

    public ulong NoBuffer { get; private set; }

    public ulong RingFull { get; private set; }

    public void SendFrame(ReadOnlySpan<byte> frame)
    {
        NetBuffer? buffer = _device.TransmitPool.Rent();
        if (buffer is null)
        {
            NoBuffer++;
            return;
        }
        if (frame.Length > buffer.Capacity - buffer.Offset)
        {
            buffer.Release();
            NoBuffer++;
            return;
        }
        buffer.Length = frame.Length;
        frame.CopyTo(buffer.Span);
        if (!_device.Transmit(buffer))
        {
            buffer.Release();
            RingFull++;
        }
    }
}
