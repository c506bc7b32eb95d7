using System.Buffers.Binary;
using Uk.Drivers.Virtio;
using Uk.Drivers.VirtioNet;
using Uk.NetDev;

namespace Unikraft.Virtio.Tests;

// VirtioNetDevice over two simulated rings: what it puts on the receive and transmit rings,
// what it makes of what the device gives back (including wrong ids and lengths), ring-full
// back-pressure and interrupt suppression. The driver hands the device the addresses of
// managed byte arrays (the guest heap never moves objects); the host GC might, so each test
// runs inside a no-GC region.
public sealed unsafe class NetDriverTests : IDisposable
{
    private const ulong Modern = VirtioFeatures.Version1 | VirtioNetFeatures.Mac | VirtioNetFeatures.Status | VirtioNetFeatures.Mtu;
    private readonly List<RingMemory> _memories = new();
    private readonly bool _noGc;
    private readonly int _savedBufferSize = VirtioNetOptions.RxBufferSize;
    private readonly int _savedBuffers = VirtioNetOptions.RxBuffers;

    public NetDriverTests()
    {
        Monitor.Enter(NetOptionsLock.Gate);
        VirtioNetOptions.RxBuffers = 32;
        _noGc = GC.TryStartNoGCRegion(48 * 1024 * 1024);
    }

    public void Dispose()
    {
        if (_noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            GC.EndNoGCRegion();
        foreach (RingMemory memory in _memories)
            memory.Dispose();
        VirtioNetOptions.RxBufferSize = _savedBufferSize;
        VirtioNetOptions.RxBuffers = _savedBuffers;
        Monitor.Exit(NetOptionsLock.Gate);
    }

    private sealed record Rig(VirtioNetDevice Net, NetFakeTransport Transport, SimulatedDevice Rx, SimulatedDevice Tx, SplitQueue RxQueue, SplitQueue TxQueue);

    private Rig Create(ulong features, ushort rxSize = 8, ushort txSize = 8, bool eventIndex = false, bool modern = true)
    {
        var rxMemory = new RingMemory(rxSize);
        var txMemory = new RingMemory(txSize);
        _memories.Add(rxMemory);
        _memories.Add(txMemory);
        var rx = new SplitQueue(rxMemory.Base, rxSize, eventIndex);
        var tx = new SplitQueue(txMemory.Base, txSize, eventIndex);
        var transport = new NetFakeTransport(modern);
        var net = new VirtioNetDevice("eth0", transport, rx, tx, features) { UsesInterrupts = true };
        net.Prime();
        net.Kick();
        return new Rig(net, transport, new SimulatedDevice(rxMemory), new SimulatedDevice(txMemory), rx, tx);
    }

    // The device writing header + frame into the buffers of a receive chain.
    private static uint Deliver(SimulatedDevice.Chain chain, byte[] header, byte[] frame)
    {
        byte[] all = [.. header, .. frame];
        int at = 0;
        foreach (var descriptor in chain.Descriptors)
        {
            int count = Math.Min((int)descriptor.Length, all.Length - at);
            new ReadOnlySpan<byte>(all, at, count).CopyTo(new Span<byte>((void*)descriptor.Address, count));
            at += count;
        }
        return (uint)all.Length;
    }

    private static byte[] Header(int length, byte flags = 0, ushort buffers = 1)
    {
        var header = new byte[length];
        header[0] = flags;
        if (length == 12)
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), buffers);
        return header;
    }

    private static byte[] Frame(int length, byte seed)
    {
        var frame = new byte[length];
        for (int i = 0; i < length; i++)
            frame[i] = (byte)(seed + i);
        return frame;
    }

    private static NetBuffer FrameToSend(VirtioNetDevice net, int length, byte seed)
    {
        NetBuffer buffer = net.TransmitPool.Rent()!;
        Frame(length, seed).CopyTo(buffer.Data, buffer.Offset);
        buffer.Length = length;
        return buffer;
    }

    [Fact]
    public void TheDeviceDescribesItselfFromItsConfiguration()
    {
        var rig = Create(Modern | VirtioNetFeatures.Checksum | VirtioNetFeatures.MergeableReceiveBuffers);

        Assert.Equal("52:54:00:12:34:56", rig.Net.Mac.ToString());
        Assert.Equal(1500, rig.Net.Mtu);
        Assert.True(rig.Net.LinkUp);
        Assert.Equal(NetOffloads.TransmitChecksum | NetOffloads.MergeableReceiveBuffers, rig.Net.Offloads);
        rig.Transport.Config[6] = 0;
        Assert.False(rig.Net.LinkUp);
        Assert.Equal(12, rig.Net.TransmitPool.Headroom);
    }

    [Fact]
    public void PrimingFillsTheReceiveRingWithWholeBuffers()
    {
        var rig = Create(Modern);

        var chains = rig.Rx.PopAll();

        Assert.Equal(8, chains.Count);
        Assert.All(chains, c => Assert.Equal(2048u, Assert.Single(c.Descriptors).Length));
        Assert.All(chains, c => Assert.True(c.Descriptors[0].Writable));
        Assert.Equal(8, chains.Select(c => c.Descriptors[0].Address).Distinct().Count());
        Assert.True(rig.Transport.Notifications[0] >= 1);
    }

    [Fact]
    public void AReceivedFrameArrivesWithItsChecksumFlagAndItsBufferIsRecycled()
    {
        var rig = Create(Modern | VirtioNetFeatures.GuestChecksum);
        var chain = rig.Rx.PopAll()[3];
        byte[] frame = Frame(98, 7);

        rig.Rx.Complete(chain.Head, Deliver(chain, Header(12, VirtioNetHeader.FlagDataValid), frame));
        NetBuffer? received = rig.Net.Receive();

        Assert.NotNull(received);
        Assert.Equal(frame, received!.Span.ToArray());
        Assert.True(received.ChecksumVerified);
        Assert.Equal(1UL, rig.Net.Statistics.FramesReceived);
        Assert.Equal(98UL, rig.Net.Statistics.BytesReceived);
        Assert.Null(rig.Net.Receive());
        received.Release();
        Assert.Null(rig.Net.Receive());
        var refilled = Assert.Single(rig.Rx.PopAll());
        Assert.Equal(chain.Head, refilled.Head);
    }

    [Fact]
    public void APartialChecksumFromTheDeviceIsFinishedByTheDriver()
    {
        var rig = Create(Modern | VirtioNetFeatures.GuestChecksum);
        var chain = rig.Rx.PopAll()[0];
        byte[] frame = Frame(60, 1);
        frame[40] = frame[41] = 0;
        byte[] header = Header(12, VirtioNetHeader.FlagNeedsChecksum);
        header[6] = 34;
        header[8] = 6;

        rig.Rx.Complete(chain.Head, Deliver(chain, header, frame));
        NetBuffer received = rig.Net.Receive()!;

        Assert.True(received.ChecksumVerified);
        Assert.Equal(1UL, rig.Net.ChecksumsCompleted);
        byte[] expected = (byte[])frame.Clone();
        PartialChecksum.Complete(expected, 34, 6);
        Assert.Equal(expected, received.Span.ToArray());
        Assert.NotEqual(0, received.Span[40] | received.Span[41]);
    }

    [Fact]
    public void WrongIdsAndLengthsFromTheDeviceAreDroppedAndCounted()
    {
        var rig = Create(Modern);
        var chains = rig.Rx.PopAll();

        rig.Rx.Complete(chains[0].Head, 4096);          // longer than the buffer
        rig.Rx.Complete(200, 60);                       // an id never given
        rig.Rx.Complete(chains[0].Head, 60);            // the same id again, no longer in flight
        rig.Rx.Complete(chains[1].Head, Deliver(chains[1], Header(12), Frame(64, 3)));

        NetBuffer? good = rig.Net.Receive();
        Assert.NotNull(good);
        Assert.Equal(3, good!.Span[0]);
        Assert.Equal(1UL, rig.Net.Statistics.ReceiveErrors);
        Assert.Equal(3UL, rig.Net.RejectedCompletions);
        Assert.Null(rig.Net.Receive());
    }

    [Fact]
    public void AFrameSpreadOverSmallBuffersIsMerged()
    {
        VirtioNetOptions.RxBufferSize = 256;
        var rig = Create(Modern | VirtioNetFeatures.MergeableReceiveBuffers, rxSize: 16);
        var chains = rig.Rx.PopAll();
        Assert.All(chains, c => Assert.Equal(256u, c.Descriptors[0].Length));
        byte[] frame = Frame(1000, 11);
        byte[] all = [.. Header(12, 0, buffers: 4), .. frame];

        for (int i = 0; i < 4; i++)
        {
            int at = i * 256;
            int count = Math.Min(256, all.Length - at);
            new ReadOnlySpan<byte>(all, at, count).CopyTo(new Span<byte>((void*)chains[i].Descriptors[0].Address, count));
            rig.Rx.Complete(chains[i].Head, (uint)count);
        }
        NetBuffer? received = rig.Net.Receive();

        Assert.NotNull(received);
        Assert.Equal(frame, received!.Span.ToArray());
        Assert.Equal(1UL, rig.Net.MergedFrames);
    }

    [Fact]
    public void ATransmittedFrameCarriesItsHeaderAndChecksumRequestInOneDescriptor()
    {
        var rig = Create(Modern | VirtioNetFeatures.Checksum);
        NetBuffer frame = FrameToSend(rig.Net, 80, 9);
        frame.ChecksumStart = 34;
        frame.ChecksumOffset = 6;
        int available = rig.Net.TransmitPool.Available;

        Assert.True(rig.Net.Transmit(frame));

        var chain = Assert.Single(rig.Tx.PopAll());
        var descriptor = Assert.Single(chain.Descriptors);
        Assert.False(descriptor.Writable);
        Assert.Equal(92u, descriptor.Length);
        byte[] sent = new ReadOnlySpan<byte>((void*)descriptor.Address, 92).ToArray();
        Assert.Equal([1, 0, 0, 0, 0, 0, 34, 0, 6, 0, 0, 0], sent[..12]);
        Assert.Equal(Frame(80, 9), sent[12..]);
        Assert.Equal(1, rig.Transport.Notifications[1]);
        // The buffer comes back once the device is done and the driver next looks.
        rig.Tx.Complete(chain.Head, 0);
        Assert.Equal(available, rig.Net.TransmitPool.Available);
        Assert.Null(rig.Net.Receive());
        Assert.Equal(available + 1, rig.Net.TransmitPool.Available);
    }

    [Fact]
    public void WithoutChecksumOffloadTheDriverComputesTheChecksum()
    {
        var rig = Create(Modern);
        NetBuffer frame = FrameToSend(rig.Net, 80, 9);
        frame.Data[frame.Offset + 40] = 0;
        frame.Data[frame.Offset + 41] = 0;
        frame.ChecksumStart = 34;
        frame.ChecksumOffset = 6;
        byte[] expected = frame.Span.ToArray();
        PartialChecksum.Complete(expected, 34, 6);

        Assert.True(rig.Net.Transmit(frame));

        var descriptor = rig.Tx.PopAll()[0].Descriptors[0];
        byte[] sent = new ReadOnlySpan<byte>((void*)descriptor.Address, (int)descriptor.Length).ToArray();
        Assert.Equal(0, sent[0]);
        Assert.Equal(expected, sent[12..]);
    }

    // A legacy device without ANY_LAYOUT wants the 10-byte header in a descriptor of its own.
    [Fact]
    public void ALegacyDeviceWithoutAnyLayoutGetsTheHeaderSeparately()
    {
        var rig = Create(VirtioNetFeatures.Mac, modern: false);

        var rxChain = rig.Rx.PopAll()[0];
        Assert.Equal([10u, 2038u], rxChain.Descriptors.Select(d => d.Length));
        Assert.True(rig.Net.Transmit(FrameToSend(rig.Net, 60, 1)));
        var txChain = Assert.Single(rig.Tx.PopAll());
        Assert.Equal([10u, 60u], txChain.Descriptors.Select(d => d.Length));
        Assert.Equal(txChain.Descriptors[0].Address + 10, txChain.Descriptors[1].Address);

        rig.Rx.Complete(rxChain.Head, Deliver(rxChain, Header(10), Frame(60, 4)));
        Assert.Equal(Frame(60, 4), rig.Net.Receive()!.Span.ToArray());
    }

    [Fact]
    public void AFullTransmitRingRefusesAndAsksForTheInterruptThatWakesTheSender()
    {
        var rig = Create(Modern, txSize: 4);
        int notified = 0;
        rig.Net.Notify = () => notified++;
        for (int i = 0; i < 4; i++)
            Assert.True(rig.Net.Transmit(FrameToSend(rig.Net, 60, (byte)i)));
        Assert.Equal(1, rig.Tx.AvailableFlags);

        NetBuffer fifth = FrameToSend(rig.Net, 60, 5);
        Assert.False(rig.Net.Transmit(fifth));

        Assert.Equal(1UL, rig.Net.Statistics.TransmitBusy);
        Assert.Equal(0, rig.Tx.AvailableFlags);
        var chains = rig.Tx.PopAll();
        rig.Tx.Complete(chains[0].Head, 0);
        rig.Net.OnTransmitMessage();
        Assert.Equal(1, notified);
        Assert.Equal(1, rig.Tx.AvailableFlags);
        Assert.True(rig.Net.Transmit(fifth));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(1519)]
    public void AFrameNoDeviceCouldSendIsTakenAndDropped(int length)
    {
        var rig = Create(Modern);
        NetBuffer frame = rig.Net.TransmitPool.Rent()!;
        frame.Length = length;
        int available = rig.Net.TransmitPool.Available;

        Assert.True(rig.Net.Transmit(frame));

        Assert.Empty(rig.Tx.PopAll());
        Assert.Equal(1UL, rig.Net.Statistics.TransmitErrors);
        Assert.Equal(available + 1, rig.Net.TransmitPool.Available);
    }

    [Fact]
    public void AFrameWithoutHeadroomIsMovedToMakeRoomForTheHeader()
    {
        var rig = Create(Modern);
        NetBuffer frame = rig.Net.TransmitPool.Rent()!;
        frame.Offset = 0;
        Frame(60, 2).CopyTo(frame.Data, 0);
        frame.Length = 60;

        Assert.True(rig.Net.Transmit(frame));

        var descriptor = rig.Tx.PopAll()[0].Descriptors[0];
        Assert.Equal(Frame(60, 2), new ReadOnlySpan<byte>((void*)(descriptor.Address + 12), 60).ToArray());
    }

    // The receive interrupt turns itself off (with event indices: used_event moved away)
    // until Receive has drained the ring; then it is on again at the driver's position.
    [Fact]
    public void ReceiveInterruptsStayOffWhileTheConsumerDrains()
    {
        var rig = Create(Modern | VirtioFeatures.RingEventIndex, eventIndex: true);
        int notified = 0;
        rig.Net.Notify = () => notified++;
        var chains = rig.Rx.PopAll();
        rig.Rx.Complete(chains[0].Head, Deliver(chains[0], Header(12), Frame(60, 0)));
        rig.Rx.Complete(chains[1].Head, Deliver(chains[1], Header(12), Frame(60, 1)));

        rig.Net.OnReceiveMessage();

        Assert.Equal(1, notified);
        Assert.Equal(0x8000, rig.Rx.UsedEvent);
        Assert.NotNull(rig.Net.Receive());
        Assert.Equal(0x8000, rig.Rx.UsedEvent);
        Assert.NotNull(rig.Net.Receive());
        Assert.Null(rig.Net.Receive());
        Assert.Equal(2, rig.Rx.UsedEvent);
        Assert.Equal(0, rig.Rx.AvailableFlags);
    }

    // A shared INTx line: a zero ISR is another device's interrupt.
    [Fact]
    public void ALegacyInterruptIsOnlyTakenWhenTheIsrSaysSo()
    {
        var rig = Create(Modern);
        int notified = 0;
        rig.Net.Notify = () => notified++;

        rig.Net.OnInterrupt();
        Assert.Equal(0, notified);
        rig.Transport.InterruptStatus = 1;
        rig.Net.OnInterrupt();
        Assert.Equal(1, notified);
        Assert.Equal(1UL, rig.Net.InterruptCount);
    }
}
