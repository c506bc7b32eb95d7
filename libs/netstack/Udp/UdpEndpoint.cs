using System;

namespace Uk.Net;

// One bound UDP port. Received datagrams wait in a bounded queue; Changed runs (under the
// network lock in the guest) whenever one arrives, and must only signal.
public sealed class UdpEndpoint
{
    private readonly UdpLayer _layer;
    private readonly DatagramQueue _queue;

    internal UdpEndpoint(UdpLayer layer, ushort port, int queueBytes, int queueDatagrams)
    {
        _layer = layer;
        LocalPort = port;
        _queue = new DatagramQueue(queueBytes, queueDatagrams);
    }

    public ushort LocalPort { get; }

    public bool IsClosed { get; private set; }

    // Datagrams waiting.
    public int Pending => _queue.Count;

    // Size of the next datagram (0 when none).
    public int NextLength => _queue.NextLength;

    public Action? Changed { get; set; }

    // Datagrams refused because the queue was full.
    public ulong Dropped { get; private set; }

    public bool Send(IPv4Address destination, ushort destinationPort, ReadOnlySpan<byte> data) =>
        !IsClosed && _layer.Send(LocalPort, destination, destinationPort, data);

    public bool TryReceive(Span<byte> buffer, out int length, out IPv4Address from, out ushort fromPort) =>
        _queue.TryDequeue(buffer, out length, out from, out fromPort);

    public void Close()
    {
        if (IsClosed)
            return;
        IsClosed = true;
        _queue.Clear();
        _layer.Remove(this);
        Changed?.Invoke();
    }

    internal bool Deliver(IPv4Address from, ushort fromPort, ReadOnlySpan<byte> data)
    {
        if (!_queue.TryEnqueue(from, fromPort, data))
        {
            Dropped++;
            return false;
        }
        Changed?.Invoke();
        return true;
    }
}
