using System.Runtime;
using System.Runtime.InteropServices;
using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// An E1000Device over a FakeE1000 with its descriptor rings in native memory. The driver
// hands the chip the addresses of managed byte arrays (the guest heap never moves objects);
// the host GC might, so a rig lives inside a no-GC region, one rig at a time.
internal sealed unsafe class E1000Rig : IDisposable
{
    public static readonly MacAddress Address = new(0x52_54_00_12_34_56UL);
    private static readonly object Gate = new();
    private readonly List<nint> _memory = new();
    private readonly bool _noGc;

    public E1000Rig(ushort deviceId = 0x100E, int rxRing = 8, int txRing = 8, int rxBuffers = 16, int txBuffers = 0, bool interrupts = true, bool addressLoaded = true, bool start = true, bool messages = false)
    {
        Monitor.Enter(Gate);
        _noGc = GC.TryStartNoGCRegion(64 * 1024 * 1024);
        Chip = E1000Chip.Find(deviceId)!;
        Device = new FakeE1000(Chip, Address, addressLoaded) { MessageMode = messages };
        Net = new E1000Device("eth0", Chip, Device, Ring(rxRing), Ring(txRing), rxBuffers, txBuffers) { UsesInterrupts = interrupts, UsesMessages = messages };
        Net.Notify = () => Notifications++;
        if (start)
            Started = Net.Start();
    }

    public E1000Chip Chip { get; }


    public FakeE1000 Device { get; }

    public E1000Device Net { get; }

    public bool Started { get; }

    public int Notifications { get; private set; }

    public static byte[] Frame(int length, byte seed)
    {
        var frame = new byte[length];
        for (int i = 0; i < length; i++)
            frame[i] = (byte)(seed + i * 7);
        return frame;
    }

    // A transmit buffer from the device's pool holding frame.
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

    private DescriptorRing Ring(int count)
    {
        int bytes = count * DescriptorRing.DescriptorBytes;
        var memory = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        NativeMemory.Clear(memory, (nuint)bytes);
        _memory.Add((nint)memory);
        return new DescriptorRing(memory, count);
    }
}
