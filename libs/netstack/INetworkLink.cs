using System;

namespace Uk.Net;

// Where NetStack's frames go: a device in the guest, a queue between two stacks in tests.
// SendFrame must copy the frame before it returns (the stack reuses its buffer) and must not
// call back into the stack that sent it.
public interface INetworkLink
{
    // Largest Ethernet payload (IP datagram) the link carries.
    int Mtu { get; }

    void SendFrame(ReadOnlySpan<byte> frame);
}
