using System.Runtime;
using System.Runtime.InteropServices;
using Uk.Drivers.Vmxnet3;
using Uk.NetDev;

namespace Unikraft.Vmxnet3.Tests;

// A Vmxnet3Device over a FakeVmxnet3 with its shared area and rings in native memory. The
// driver hands the device the addresses of managed byte arrays (the guest heap never moves
// objects); the host GC might, so a rig lives inside a no-GC region, one rig at a time.
internal sealed unsafe class Vmxnet3Rig : IDisposable
{
    public static readonly MacAddress Address = new(0x52_54_00_12_34_56UL);
    private static readonly object Gate = new();
    private readonly List<nint> _memory = new();
    private readonly bool _noGc;

    public Vmxnet3Rig(int rxRing = 32, int txRing = 32, int rxBuffers = 32, bool interrupts = true, bool start = true, bool messages = false)
    {
        Monitor.Enter(Gate);
        _noGc = GC.TryStartNoGCRegion(64 * 1024 * 1024);
        Device = new FakeVmxnet3(Address);
        var statistics = new NetDeviceStatistics();
        Rx = new RxQueue(Block(rxRing * 16), Block(RxQueue.SpareSize * 16), Block((rxRing + RxQueue.SpareSize) * 16),
            new NetBufferPool(Math.Max(rxBuffers, rxRing), RxQueue.BufferBytes, 0), statistics, 1518);
        Tx = new TxQueue(Block(txRing * 16), Block(txRing * 16));
        Net = new Vmxnet3Device("eth0", Device, Block(SharedArea.Bytes), Block(SharedArea.QueueTableBytes), Rx, Tx,
            new NetBufferPool(txRing + 32, 1518, 0), statistics)
        {
            UsesInterrupts = interrupts,
            UsesMessages = messages,
        };
        Net.Notify = () => Notifications++;
        if (start)
            Started = Net.Start();
    }

    public FakeVmxnet3 Device { get; }

    public RxQueue Rx { get; }

    public TxQueue Tx { get; }

    public Vmxnet3Device Net { get; }

    public bool Started { get; }

    public int Notifications { get; private set; }

    public static byte[] Frame(int length, byte seed)
    {
        var frame = new byte[length];
        for (int i = 0; i < length; i++)
            frame[i] = (byte)(seed + i * 7);
        return frame;
    }

    public NetBuffer Outgoing(byte[] frame)
    {
        NetBuffer buffer = Net.TransmitPool.Rent()!;
        buffer.Length = frame.Length;
        frame.CopyTo(buffer.Span);
        return buffer;
    }

    public void Dispose()
    {
        if (_noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            GC.EndNoGCRegion();
        foreach (nint block in _memory)
            NativeMemory.AlignedFree((void*)block);
        Monitor.Exit(Gate);
    }

    private DmaBlock Block(int bytes)
    {
        var memory = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 512);
        NativeMemory.Clear(memory, (nuint)bytes);
        _memory.Add((nint)memory);
        return new DmaBlock(memory, bytes);
    }
}
