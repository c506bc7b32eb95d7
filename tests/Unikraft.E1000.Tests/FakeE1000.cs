using System.Buffers.Binary;
using Uk.Drivers.E1000;
using Uk.NetDev;

namespace Unikraft.E1000.Tests;

// A simulated 8254x/82574 behind the register seam: registers with the chip's side effects
// (self-clearing reset, read-to-clear causes and missed-packet count, mask set/clear, the
// EEPROM read handshake in either chip's layout) and the DMA side of both rings, reading and
// writing descriptors and buffers in host memory as the chip would.
internal sealed unsafe class FakeE1000 : IE1000Registers
{
    private const int RxDone = 1;
    private readonly Dictionary<int, uint> _values = new();
    private readonly E1000Chip _chip;
    private uint _eepromWord = uint.MaxValue;

    public FakeE1000(E1000Chip chip, MacAddress mac, bool addressLoaded = true)
    {
        _chip = chip;
        Mac = mac;
        AddressLoaded = addressLoaded;
        LoadAfterReset();
    }

    public MacAddress Mac { get; }

    // Whether reset loads the MAC into receive address 0 (else only the EEPROM has it).
    public bool AddressLoaded { get; }

    // A chip whose reset never completes.
    public bool ResetSticks { get; set; }

    // Hold transmitted descriptors instead of completing them at once (a busy wire).
    public bool HoldTransmits { get; set; }

    // The 82574 with MSI-X on: per-queue causes instead of RXT0 and TXDW.
    public bool MessageMode { get; set; }

    public int Resets { get; private set; }

    public uint Causes { get; private set; }

    public uint Mask { get; private set; }

    // Frames lost for want of receive descriptors, not yet read from MPC.
    public uint Missed { get; private set; }

    public List<byte[]> Sent { get; } = new();

    public bool LineAsserted => (Causes & Mask) != 0;

    public uint this[int offset] => _values.TryGetValue(offset, out uint value) ? value : 0;

    public uint Read(int offset)
    {
        switch (offset)
        {
            case E1000Registers.InterruptCause:
                uint causes = Causes;
                Causes = 0;
                return causes;
            case E1000Registers.InterruptMaskSet:
                return Mask;
            case E1000Registers.MissedPackets:
                uint missed = Missed;
                Missed = 0;
                return missed;
            case E1000Registers.EepromRead:
                return EepromValue();
            default:
                return this[offset];
        }
    }

    public void Write(int offset, uint value)
    {
        switch (offset)
        {
            case E1000Registers.Control:
                if ((value & E1000Registers.ControlReset) != 0)
                {
                    Resets++;
                    LoadAfterReset();
                    if (ResetSticks)
                    {
                        _values[offset] = value;
                        return;
                    }
                    value &= ~E1000Registers.ControlReset;
                }
                _values[offset] = value;
                return;
            case E1000Registers.InterruptMaskSet:
                Mask |= value;
                return;
            case E1000Registers.InterruptMaskClear:
                Mask &= ~value;
                return;
            case E1000Registers.InterruptCause:
                Causes &= ~value;
                return;
            case E1000Registers.EepromRead:
                _eepromWord = (value & 1) != 0 ? value >> _chip.EepromAddressShift : uint.MaxValue;
                return;
            case E1000Registers.TransmitTail:
                _values[offset] = value;
                if (!HoldTransmits)
                    CompleteTransmits();
                return;
            default:
                _values[offset] = value;
                return;
        }
    }

    // Whether the chip sends the message of a queue cause now (raised and unmasked); sending
    // clears the cause and masks it where the auto-clear register names it.
    public bool SendsMessage(uint cause)
    {
        if ((Causes & Mask & cause) == 0)
            return false;
        uint autoClear = this[E1000Registers.MessageAutoClear] & cause;
        Causes &= ~autoClear;
        Mask &= ~autoClear;
        return true;
    }

    public void SetLink(bool up)
    {
        uint status = this[E1000Registers.Status];
        _values[E1000Registers.Status] = up ? status | E1000Registers.StatusLinkUp : status & ~E1000Registers.StatusLinkUp;
        Causes |= E1000Registers.CauseLinkChange;
    }

    // The chip receiving a frame: written into the buffer at the head descriptor with the
    // given status bits and errors (length defaults to the frame's). False when the driver
    // left no descriptor (counted as missed, with the overrun cause).
    public bool Deliver(byte[] frame, byte status = ReceiveRing.StatusEndOfPacket, byte errors = 0, int? length = null)
    {
        int count = (int)this[E1000Registers.ReceiveLength] / DescriptorRing.DescriptorBytes;
        int head = (int)this[E1000Registers.ReceiveHead];
        if (count == 0 || head == (int)this[E1000Registers.ReceiveTail] || (this[E1000Registers.ReceiveControl] & E1000Registers.ReceiveEnable) == 0)
        {
            Missed++;
            Causes |= E1000Registers.CauseReceiveOverrun;
            return false;
        }
        byte* descriptor = RingBase(E1000Registers.ReceiveBaseLow) + head * DescriptorRing.DescriptorBytes;
        var buffer = (byte*)BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(descriptor, 8));
        int copied = Math.Min(frame.Length, E1000Registers.ReceiveBufferBytes);
        frame.AsSpan(0, copied).CopyTo(new Span<byte>(buffer, copied));
        var fields = new Span<byte>(descriptor + 8, 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fields, (ushort)(length ?? frame.Length));
        fields[4] = (byte)(status | RxDone);
        fields[5] = errors;
        _values[E1000Registers.ReceiveHead] = (uint)((head + 1) % count);
        Causes |= MessageMode ? E1000Registers.CauseReceiveQueue0 : E1000Registers.CauseReceiveTimer;
        return true;
    }

    // Sends every descriptor from head to tail, writing back done where asked.
    public void CompleteTransmits()
    {
        int count = (int)this[E1000Registers.TransmitLength] / DescriptorRing.DescriptorBytes;
        if (count == 0 || (this[E1000Registers.TransmitControl] & E1000Registers.TransmitEnable) == 0)
            return;
        int head = (int)this[E1000Registers.TransmitHead];
        int tail = (int)this[E1000Registers.TransmitTail];
        while (head != tail)
        {
            byte* descriptor = RingBase(E1000Registers.TransmitBaseLow) + head * DescriptorRing.DescriptorBytes;
            var buffer = (byte*)BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(descriptor, 8));
            int length = BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(descriptor + 8, 2));
            byte command = descriptor[11];
            Sent.Add(new ReadOnlySpan<byte>(buffer, length).ToArray());
            if ((command & (1 << 3)) != 0)
                descriptor[12] |= 1;
            head = (head + 1) % count;
        }
        _values[E1000Registers.TransmitHead] = (uint)head;
        Causes |= MessageMode ? E1000Registers.CauseTransmitQueue0 : E1000Registers.CauseTransmitDone;
    }

    private byte* RingBase(int lowRegister) => (byte*)(this[lowRegister] | (ulong)this[lowRegister + 4] << 32);

    private void LoadAfterReset()
    {
        uint control = this[E1000Registers.Control];
        _values.Clear();
        _values[E1000Registers.Control] = control;
        _values[E1000Registers.Status] = E1000Registers.StatusLinkUp;
        Mask = 0;
        if (AddressLoaded)
        {
            ulong v = Mac.Value;
            _values[E1000Registers.ReceiveAddressLow] = (uint)(v >> 40 & 0xFF) | (uint)(v >> 32 & 0xFF) << 8 | (uint)(v >> 24 & 0xFF) << 16 | (uint)(v >> 16 & 0xFF) << 24;
            _values[E1000Registers.ReceiveAddressHigh] = (uint)(v >> 8 & 0xFF) | (uint)(v & 0xFF) << 8 | E1000Registers.ReceiveAddressValid;
        }
    }

    // Answers at once: data in the high half, the chip's done bit set.
    private uint EepromValue()
    {
        if (_eepromWord > 2)
            return 0;
        var octets = new byte[6];
        Mac.Write(octets);
        uint data = (uint)(octets[_eepromWord * 2] | octets[_eepromWord * 2 + 1] << 8);
        return data << 16 | _chip.EepromDone;
    }
}
