using Uk.Net;

namespace Unikraft.Net.Tests;

// A link that keeps every frame sent, for a test to inspect or hand to another stack.
public sealed class QueueLink : INetworkLink
{
    public QueueLink(int mtu = 1500) => Mtu = mtu;

    public int Mtu { get; }

    public List<byte[]> Sent { get; } = new();

    public void SendFrame(ReadOnlySpan<byte> frame) => Sent.Add(frame.ToArray());

    public List<byte[]> Take()
    {
        var frames = new List<byte[]>(Sent);
        Sent.Clear();
        return frames;
    }
}
