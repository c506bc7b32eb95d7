using System.Buffers.Binary;
using Uk.Drivers.Vmxnet3;
using Uk.NetDev;

namespace Unikraft.Vmxnet3.Tests;

// A simulated VMXNET3 behind the register seam. At activation it reads the driver-shared
// area and the queue table at the offsets of VMware's published layout (written out here
// independently of SharedArea, so a wrong offset there fails a test), then works the rings
// as QEMU's model does: a descriptor is the device's while its generation bit equals the
// ring's, completions carry the completion ring's generation, both flip at every wrap.
internal sealed unsafe class FakeVmxnet3 : IVmxnet3Registers
{
    private uint _command;
    private int _rxNext;
    private bool _rxGeneration = true;
    private int _rxCompletionNext;
    private bool _rxCompletionGeneration = true;
    private int _txNext;
    private bool _txGeneration = true;
    private int _txCompletionNext;
    private bool _txCompletionGeneration = true;

    public FakeVmxnet3(MacAddress mac) => Mac = mac;

    public MacAddress Mac { get; }

    public bool SupportsRevision1 { get; set; } = true;

    public bool RefusesActivation { get; set; }

    public bool Active { get; private set; }

    public bool LinkIsUp { get; set; } = true;

    // Hold transmitted descriptors instead of completing them at once (a busy wire).
    public bool HoldTransmits { get; set; }

    // Interrupt 0's mask (receive, and everything on INTx), and each interrupt's.
    public bool Masked => VectorMasked[0];

    public bool[] VectorMasked { get; } = [true, true, true];

    public bool Pending { get; private set; }

    public bool LineAsserted => Pending && !Masked;

    public int ReceiveProducerWrites { get; private set; }

    public List<byte[]> Sent { get; } = new();

    // What activation read from the shared area.
    public ulong SharedAddress;
    public uint Magic, Mtu, ReceiveMode, InterruptControl;
    public int TransmitQueues, ReceiveQueues, InterruptCount, EventInterrupt, TransmitInterrupt, ReceiveInterrupt;
    public ulong TxRing, TxCompletionRing, RxRing0, RxRing1, RxCompletionRing;
    public int TxSize, TxCompletionSize, RxSize0, RxSize1, RxCompletionSize;

    public void WritePt(int offset, uint value)
    {
        switch (offset)
        {
            case Vmxnet3Registers.InterruptMask:
            case Vmxnet3Registers.InterruptMask + 8:
            case Vmxnet3Registers.InterruptMask + 16:
                VectorMasked[offset / 8] = value != 0;
                break;
            case Vmxnet3Registers.TransmitProducer:
                if (!HoldTransmits)
                    CompleteTransmits();
                break;
            case Vmxnet3Registers.ReceiveProducer:
                ReceiveProducerWrites++;
                break;
        }
    }

    public uint ReadVd(int offset)
    {
        switch (offset)
        {
            case Vmxnet3Registers.Revision:
            case Vmxnet3Registers.UptVersion:
                return SupportsRevision1 ? 1u : 0u;
            case Vmxnet3Registers.Command:
                if (_command == Vmxnet3Registers.CommandActivate)
                    return Active ? 0u : 1u;
                if (_command == Vmxnet3Registers.CommandGetLink)
                    return LinkIsUp ? 10000u << 16 | 1 : 0u;
                return 0;
            case Vmxnet3Registers.MacLow:
            {
                var octets = new byte[6];
                Mac.Write(octets);
                return BinaryPrimitives.ReadUInt32LittleEndian(octets);
            }
            case Vmxnet3Registers.MacHigh:
            {
                var octets = new byte[6];
                Mac.Write(octets);
                return BinaryPrimitives.ReadUInt16LittleEndian(octets.AsSpan(4));
            }
            case Vmxnet3Registers.InterruptCause:
                bool was = Pending;
                Pending = false;
                return was ? 1u : 0u;
            default:
                return 0;
        }
    }

    public void WriteVd(int offset, uint value)
    {
        switch (offset)
        {
            case Vmxnet3Registers.SharedLow:
                SharedAddress = SharedAddress & ~0xFFFF_FFFFUL | value;
                break;
            case Vmxnet3Registers.SharedHigh:
                SharedAddress = SharedAddress & 0xFFFF_FFFFUL | (ulong)value << 32;
                break;
            case Vmxnet3Registers.EventCause:
                Write32(SharedAddress + 696, Read32(SharedAddress + 696) & ~value);
                break;
            case Vmxnet3Registers.Command:
                _command = value;
                if (value == Vmxnet3Registers.CommandActivate)
                    Activate();
                else if (value == Vmxnet3Registers.CommandReset)
                    Active = false;
                break;
        }
    }

    // The device receiving a frame into the next head descriptor; false when the driver left
    // none. index, ring, sop/eop, error and length override what a sound device writes.
    public bool Deliver(byte[] frame, int? index = null, int ring = 0, bool sop = true, bool eop = true, bool error = false, int? length = null)
    {
        ulong descriptor = RxRing0 + (ulong)(_rxNext * 16);
        uint second = Read32(descriptor + 8);
        if (!Active || (second >> 31 != 0) != _rxGeneration)
            return false;
        var buffer = (byte*)Read64(descriptor);
        int capacity = (int)(second & 0x3FFF);
        int copied = Math.Min(frame.Length, capacity);
        frame.AsSpan(0, copied).CopyTo(new Span<byte>(buffer, copied));
        ulong completion = RxCompletionRing + (ulong)(_rxCompletionNext * 16);
        uint first = (uint)(index ?? _rxNext) & 0xFFF | (eop ? 1u << 14 : 0) | (sop ? 1u << 15 : 0) | (uint)ring << 16;
        Write32(completion, first);
        Write32(completion + 4, 0);
        Write32(completion + 8, (uint)(length ?? frame.Length) & 0x3FFF | (error ? 1u << 14 : 0));
        // QEMU leaves the type field 0; the generation bit goes last.
        Write32(completion + 12, _rxCompletionGeneration ? 1u << 31 : 0);
        if (++_rxNext == RxSize0)
        {
            _rxNext = 0;
            _rxGeneration = !_rxGeneration;
        }
        if (++_rxCompletionNext == RxCompletionSize)
        {
            _rxCompletionNext = 0;
            _rxCompletionGeneration = !_rxCompletionGeneration;
        }
        Pending = true;
        return true;
    }

    // Sends every descriptor the driver owns over to the device, completing each.
    public void CompleteTransmits(int? reportIndex = null)
    {
        while (Active)
        {
            ulong descriptor = TxRing + (ulong)(_txNext * 16);
            uint second = Read32(descriptor + 8);
            if ((second & 1u << 14) != 0 != _txGeneration)
                break;
            var buffer = (byte*)Read64(descriptor);
            int length = (int)(second & 0x3FFF);
            Sent.Add(new ReadOnlySpan<byte>(buffer, length).ToArray());
            ulong completion = TxCompletionRing + (ulong)(_txCompletionNext * 16);
            Write32(completion, (uint)(reportIndex ?? _txNext) & 0xFFF);
            Write32(completion + 12, _txCompletionGeneration ? 1u << 31 : 0);
            if (++_txNext == TxSize)
            {
                _txNext = 0;
                _txGeneration = !_txGeneration;
            }
            if (++_txCompletionNext == TxCompletionSize)
            {
                _txCompletionNext = 0;
                _txCompletionGeneration = !_txCompletionGeneration;
            }
            Pending = true;
        }
    }

    public void SetLink(bool up)
    {
        LinkIsUp = up;
        Write32(SharedAddress + 696, Read32(SharedAddress + 696) | Vmxnet3Registers.EventLink);
        Pending = true;
    }

    private void Activate()
    {
        ulong s = SharedAddress;
        Magic = Read32(s);
        Mtu = Read32(s + 56);
        TransmitQueues = *(byte*)(s + 62);
        ReceiveQueues = *(byte*)(s + 63);
        InterruptCount = *(byte*)(s + 81);
        EventInterrupt = *(byte*)(s + 82);
        InterruptControl = Read32(s + 108);
        ReceiveMode = Read32(s + 120);
        ulong queues = Read64(s + 40);
        TxRing = Read64(queues + 16);
        TxCompletionRing = Read64(queues + 32);
        TxSize = (int)Read32(queues + 56);
        TransmitInterrupt = *(byte*)(queues + 72);
        ReceiveInterrupt = *(byte*)(queues + 256 + 72);
        TxCompletionSize = (int)Read32(queues + 64);
        RxRing0 = Read64(queues + 256 + 16);
        RxRing1 = Read64(queues + 256 + 24);
        RxCompletionRing = Read64(queues + 256 + 32);
        RxSize0 = (int)Read32(queues + 256 + 56);
        RxSize1 = (int)Read32(queues + 256 + 60);
        RxCompletionSize = (int)Read32(queues + 256 + 64);
        Active = !RefusesActivation && Magic == 0xBABEFEE1 && TransmitQueues == 1 && ReceiveQueues == 1 && TxSize > 0 && RxSize0 > 0;
        if (Active)
        {
            // QEMU clears both completion rings when it takes them.
            new Span<byte>((void*)TxCompletionRing, TxCompletionSize * 16).Clear();
            new Span<byte>((void*)RxCompletionRing, RxCompletionSize * 16).Clear();
        }
    }

    private static uint Read32(ulong address) => *(uint*)address;

    private static ulong Read64(ulong address) => *(ulong*)address;

    private static void Write32(ulong address, uint value) => *(uint*)address = value;
}
