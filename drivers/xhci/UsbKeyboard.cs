using System;

namespace Uk.Drivers.Xhci;

// A HID boot keyboard on a root port (xHCI 1.2, 4.3): the port reset, a slot enabled, the
// device addressed with its default control endpoint, its descriptors read, the keyboard's
// interrupt IN endpoint configured, the device set to its configuration and boot protocol.
// Then one Normal TRB stays queued on the endpoint for the next 8-byte report.
public sealed unsafe class UsbKeyboard
{
    private const int ControlRingTrbs = 16;
    private const int InterruptRingTrbs = 16;
    private const int BufferBytes = 256;
    private const int DeviceDescriptorBytes = 18;
    private const int ConfigurationHeaderBytes = 9;
    private const byte HubClass = 9;
    private const int ControlEndpoint = 1;

    // Endpoint context types (6.2.3).
    private const uint ControlType = 4;
    private const uint InterruptInType = 7;
    private const uint ErrorRetries = 3;

    // PORTSC speed values (7.2.2.1.1, the default protocol speed IDs).
    private const int FullSpeed = 1;
    private const int LowSpeed = 2;
    private const int HighSpeed = 3;

    private const uint FullSpeedPacketGuess = 64;

    // Failed report transfers in a row that are recovered before the keyboard is given up.
    private const int RecoveriesAllowed = 3;

    private readonly XhciController _controller;
    private readonly ProducerRing _control;
    private readonly byte* _input;
    private readonly byte* _buffer;

    private ProducerRing? _interrupt;
    private int _failuresInARow;
    private byte* _report;

    private UsbKeyboard(XhciController controller, int port, int speed, ProducerRing control, byte* input, byte* buffer)
    {
        _controller = controller;
        Port = port;
        Speed = speed;
        _control = control;
        _input = input;
        _buffer = buffer;
        Decoder = new HidReportDecoder();
    }

    public int Port { get; }

    public int Speed { get; }

    public int Slot { get; private set; }

    public BootKeyboardInterface Interface { get; private set; }

    public HidReportDecoder Decoder { get; }

    // "full speed", for the log.
    public string SpeedName => Speed switch
    {
        FullSpeed => "full speed",
        LowSpeed => "low speed",
        HighSpeed => "high speed",
        _ => "super speed",
    };

    // The keyboard on port, set up and reading; null with the reason when the port holds
    // something else or a step fails.
    public static UsbKeyboard? Attach(XhciController controller, int port, out string refusal)
    {
        if (!controller.ResetPort(port))
        {
            refusal = "the port did not come out of reset enabled (PORTSC 0x" + controller.ReadPort(port).ToString("x") + ")";
            return null;
        }
        int speed = (int)((controller.ReadPort(port) >> XhciRegisters.PortSpeedShift) & 0xF);
        ProducerRing? control = ProducerRing.Allocate(ControlRingTrbs);
        byte* input = DmaMemory.Zeroed(33 * controller.ContextBytes, 64);
        byte* buffer = DmaMemory.Zeroed(BufferBytes, 64);
        if (control is null || input == null || buffer == null)
        {
            refusal = "no memory for the device's contexts";
            return null;
        }
        var keyboard = new UsbKeyboard(controller, port, speed, control, input, buffer);
        if (keyboard.SetUp(out refusal))
            return keyboard;
        keyboard.Release();
        return null;
    }

    // A device that is not used gives its slot back (its memory stays allocated).
    private void Release()
    {
        if (Slot == 0)
            return;
        _controller.RunCommand(0, 0, Trb.TypeBits(Trb.DisableSlot) | (uint)Slot << Trb.SlotShift, out _);
        _controller.SetDeviceContext(Slot, 0);
    }

    private bool SetUp(out string refusal)
    {
        if (!_controller.RunCommand(0, 0, Trb.TypeBits(Trb.EnableSlot), out Trb enabled))
        {
            refusal = "Enable Slot failed, completion code " + enabled.CompletionCode.ToString();
            return false;
        }
        Slot = enabled.SlotId;
        if (!Address(out refusal))
            return false;
        if (Speed == FullSpeed && !LearnControlPacketSize(out refusal))
            return false;
        if (!Control(0x80, 6, 0x0100, 0, DeviceDescriptorBytes))
        {
            refusal = "GET_DESCRIPTOR (device) failed";
            return false;
        }
        if (_buffer[4] == HubClass)
        {
            refusal = "a USB hub (hubs are not supported)";
            return false;
        }
        string identity = "vendor 0x" + (_buffer[8] | _buffer[9] << 8).ToString("x4") + " product 0x" + (_buffer[10] | _buffer[11] << 8).ToString("x4");
        if (!Control(0x80, 6, 0x0200, 0, ConfigurationHeaderBytes))
        {
            refusal = identity + ": GET_DESCRIPTOR (configuration) failed";
            return false;
        }
        int total = Math.Min(BufferBytes, _buffer[2] | _buffer[3] << 8);
        if (!Control(0x80, 6, 0x0200, 0, (ushort)total))
        {
            refusal = identity + ": GET_DESCRIPTOR (configuration, " + total.ToString() + " bytes) failed";
            return false;
        }
        if (!BootKeyboardInterface.TryFind(new ReadOnlySpan<byte>(_buffer, total), out BootKeyboardInterface found))
        {
            refusal = identity + ": not a boot keyboard";
            return false;
        }
        Interface = found;
        if (!ConfigureEndpoint(out refusal))
            return false;
        if (!Control(0x00, 9, found.ConfigurationValue, 0, 0))
        {
            refusal = identity + ": SET_CONFIGURATION failed";
            return false;
        }
        if (!Control(0x21, 0x0B, 0, found.InterfaceNumber, 0))
        {
            refusal = identity + ": SET_PROTOCOL (boot) failed";
            return false;
        }
        // Reports only when a key changes. Some keyboards stall SET_IDLE, which the HID
        // specification allows; the reports then repeat, and held keys still type once.
        Control(0x21, 0x0A, 0, found.InterfaceNumber, 0);
        refusal = "";
        return true;
    }

    // Address Device (4.3.3) with the slot context and the default control endpoint, whose
    // packet size follows from the port speed (USB 2.0, 5.5.3); at full speed it is a guess
    // of 64 that LearnControlPacketSize corrects.
    private bool Address(out string refusal)
    {
        int context = _controller.ContextBytes;
        byte* output = DmaMemory.Zeroed(32 * context, 64);
        if (output == null)
        {
            refusal = "no memory for the device context";
            return false;
        }
        _controller.SetDeviceContext(Slot, (ulong)output);
        uint* control = (uint*)_input;
        control[1] = 0b11;
        uint* slot = (uint*)(_input + context);
        slot[0] = (uint)Speed << 20 | 1u << 27;
        slot[1] = (uint)Port << 16;
        uint packet = Speed switch { LowSpeed => 8u, FullSpeed => FullSpeedPacketGuess, HighSpeed => 64u, _ => 512u };
        WriteEndpoint(_input + 2 * context, ControlType, packet, 0, _control);
        if (!_controller.RunCommand((ulong)_input, 0, Trb.TypeBits(Trb.AddressDevice) | (uint)Slot << Trb.SlotShift, out Trb done))
        {
            refusal = "Address Device failed, completion code " + done.CompletionCode.ToString();
            return false;
        }
        refusal = "";
        return true;
    }

    // A full-speed device's control packets hold 8, 16, 32 or 64 bytes: the first 8 bytes of
    // its device descriptor say which (they fit in one packet of any size), and Evaluate
    // Context (4.6.7) gives the controller a size other than the guess.
    private bool LearnControlPacketSize(out string refusal)
    {
        if (!Control(0x80, 6, 0x0100, 0, 8))
        {
            refusal = "GET_DESCRIPTOR (device, 8 bytes) failed";
            return false;
        }
        uint packet = _buffer[7];
        if (packet is not (8 or 16 or 32 or 64))
        {
            refusal = "the device descriptor gives a control packet size of " + packet.ToString();
            return false;
        }
        refusal = "";
        if (packet == FullSpeedPacketGuess)
            return true;
        int context = _controller.ContextBytes;
        new Span<byte>(_input, 33 * context).Clear();
        ((uint*)_input)[1] = 0b10;
        WriteEndpoint(_input + 2 * context, ControlType, packet, 0, _control);
        if (!_controller.RunCommand((ulong)_input, 0, Trb.TypeBits(Trb.EvaluateContext) | (uint)Slot << Trb.SlotShift, out Trb done))
        {
            refusal = "Evaluate Context (control packet size " + packet.ToString() + ") failed, completion code " + done.CompletionCode.ToString();
            return false;
        }
        return true;
    }

    // Configure Endpoint (4.3.5) adding the keyboard's interrupt IN endpoint.
    private bool ConfigureEndpoint(out string refusal)
    {
        int context = _controller.ContextBytes;
        _interrupt = ProducerRing.Allocate(InterruptRingTrbs);
        _report = DmaMemory.Zeroed(HidReportDecoder.ReportBytes, 64);
        if (_interrupt is null || _report == null)
        {
            refusal = "no memory for the keyboard's ring";
            return false;
        }
        int index = Interface.ContextIndex;
        new Span<byte>(_input, 33 * context).Clear();
        uint* control = (uint*)_input;
        control[1] = 1u | 1u << index;
        uint* slot = (uint*)(_input + context);
        slot[0] = (uint)Speed << 20 | (uint)index << 27;
        slot[1] = (uint)Port << 16;
        uint packet = (uint)Math.Max(HidReportDecoder.ReportBytes, Interface.MaxPacketSize);
        WriteEndpoint(_input + (index + 1) * context, InterruptInType, packet, IntervalExponent(), _interrupt);
        if (!_controller.RunCommand((ulong)_input, 0, Trb.TypeBits(Trb.ConfigureEndpoint) | (uint)Slot << Trb.SlotShift, out Trb done))
        {
            refusal = "Configure Endpoint failed, completion code " + done.CompletionCode.ToString();
            return false;
        }
        refusal = "";
        return true;
    }

    // The endpoint context's Interval: 125 µs times 2 to its power (6.2.3.6). Full and low
    // speed descriptors give milliseconds; high and super speed the exponent plus one.
    private uint IntervalExponent()
    {
        int interval = Math.Max(1, (int)Interface.Interval);
        if (Speed is FullSpeed or LowSpeed)
        {
            int exponent = 3;
            while (exponent < 10 && 1 << (exponent + 1 - 3) <= interval)
                exponent++;
            return (uint)exponent;
        }
        return (uint)Math.Min(15, interval - 1);
    }

    private static void WriteEndpoint(byte* at, uint type, uint maxPacket, uint interval, ProducerRing ring)
    {
        uint* endpoint = (uint*)at;
        endpoint[0] = interval << 16;
        endpoint[1] = ErrorRetries << 1 | type << 3 | maxPacket << 16;
        ulong dequeue = ring.Address | (ring.CycleState ? 1u : 0u);
        endpoint[2] = (uint)dequeue;
        endpoint[3] = (uint)(dequeue >> 32);
        endpoint[4] = HidReportDecoder.ReportBytes | maxPacket << 16;
    }

    // One control transfer on the default endpoint (4.11.2.2): setup, data into the buffer
    // when length is not 0 (IN when requestType says so), status.
    private bool Control(byte requestType, byte request, ushort value, ushort index, ushort length)
    {
        bool deviceToHost = (requestType & 0x80) != 0;
        ulong setup = requestType | (ulong)request << 8 | (ulong)value << 16 | (ulong)index << 32 | (ulong)length << 48;
        uint transferType = length == 0 ? 0u : deviceToHost ? 3u : 2u;
        _control.Enqueue(setup, 8, Trb.TypeBits(Trb.SetupStage) | Trb.ImmediateData | transferType << Trb.TransferTypeShift);
        if (length > 0)
            _control.Enqueue((ulong)_buffer, length, Trb.TypeBits(Trb.DataStage) | (deviceToHost ? Trb.DirectionIn : 0));
        uint statusDirection = deviceToHost && length > 0 ? 0 : Trb.DirectionIn;
        ulong status = _control.Enqueue(0, 0, Trb.TypeBits(Trb.StatusStage) | Trb.InterruptOnCompletion | statusDirection);
        _controller.RingDoorbell(Slot, ControlEndpoint);
        return _controller.WaitForEvent(Trb.TransferEvent, status, out Trb done) && done.Completed;
    }

    // Queues the Normal TRB the next report lands in.
    public void Listen()
    {
        _interrupt!.Enqueue((ulong)_report, HidReportDecoder.ReportBytes, Trb.TypeBits(Trb.Normal) | Trb.InterruptOnShortPacket | Trb.InterruptOnCompletion);
        _controller.RingDoorbell(Slot, Interface.ContextIndex);
    }

    public bool Owns(in Trb transferEvent) => transferEvent.SlotId == Slot && transferEvent.EndpointId == Interface.ContextIndex;

    // A failed transfer halts the endpoint (4.8.3): Reset Endpoint, the ring's dequeue
    // pointer moved past the failed TRB (Set TR Dequeue Pointer), and the next report
    // queued. After RecoveriesAllowed failures with no report between, the keyboard is given
    // up: false, with the reason.
    public bool Recover(in Trb failed, out string refusal)
    {
        if (++_failuresInARow > RecoveriesAllowed)
        {
            refusal = "transfers failed " + _failuresInARow.ToString() + " times in a row, the last with completion code " + failed.CompletionCode.ToString();
            return false;
        }
        uint endpoint = (uint)Interface.ContextIndex << Trb.EndpointShift | (uint)Slot << Trb.SlotShift;
        if (!_controller.RunCommand(0, 0, Trb.TypeBits(Trb.ResetEndpoint) | endpoint, out Trb reset))
        {
            // Context State Error: the endpoint did not halt, its ring already moved on.
            if (reset.CompletionCode != Trb.ContextStateError)
            {
                refusal = "Reset Endpoint failed, completion code " + reset.CompletionCode.ToString();
                return false;
            }
        }
        else
        {
            ProducerRing ring = _interrupt!;
            ulong dequeue = ring.EnqueueAddress | (ring.CycleState ? 1u : 0u);
            if (!_controller.RunCommand(dequeue, 0, Trb.TypeBits(Trb.SetDequeuePointer) | endpoint, out Trb moved))
            {
                refusal = "Set TR Dequeue Pointer failed, completion code " + moved.CompletionCode.ToString();
                return false;
            }
        }
        Listen();
        refusal = "";
        return true;
    }

    // The report the event completed, decoded into output; the next one queued.
    public int TakeReport(in Trb transferEvent, Span<byte> output)
    {
        _failuresInARow = 0;
        int received = HidReportDecoder.ReportBytes - Math.Min(HidReportDecoder.ReportBytes, transferEvent.Residue);
        int length = Decoder.Decode(new ReadOnlySpan<byte>(_report, received), output);
        Listen();
        return length;
    }
}
