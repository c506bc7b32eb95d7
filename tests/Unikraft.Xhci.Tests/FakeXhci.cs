using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

// A simulated xHCI controller behind the register seam: capability registers describing 8
// slots and 4 ports, HCRST and Run/Stop with the status bits they move, and doorbell 0 making
// it consume the command ring from memory (following Link TRBs and their Toggle Cycle) and
// write a Command Completion Event for each command into the event ring the ERST describes.
// Root ports hold FakeUsbDevices: a port reset enables the port; Enable Slot, Address Device,
// Evaluate Context and Configure Endpoint read the input contexts from memory; a slot's
// doorbell runs control transfers on its default endpoint (a full-speed device sends only one
// packet of its own size, as a real one would while the slot's packet size is too big) and
// keeps the interrupt endpoint's Normal TRBs for SendReport.
public sealed unsafe class FakeXhci : IXhciRegisters
{
    public const int Operational = 0x20;
    public const int Runtime = 0x1000;
    public const int Doorbells = 0x2000;
    public const int Slots = 8;
    public const int Ports = 4;

    private readonly Dictionary<int, uint> _registers = new();
    private ulong _commandDequeue;
    private bool _commandCycle;
    private int _eventEnqueue;
    private bool _eventCycle = true;
    private int _nextSlot = 1;

    // The USB Legacy Support capability, where HCCPARAMS1's xECP points.
    public const int LegacySupport = 0x800;

    // contextBytes: 32 or 64 (HCCPARAMS1.CSZ). firmwareLetsGo: whether the firmware drops its
    // ownership semaphore when the OS asks (null: no legacy support capability at all).
    public FakeXhci(int contextBytes = 32, bool? firmwareLetsGo = null)
    {
        _contextDwords = contextBytes / 4;
        _firmwareLetsGo = firmwareLetsGo ?? false;
        _registers[0x00] = 0x0100_0000u | Operational;
        _registers[0x04] = (uint)Ports << 24 | 1u << 8 | Slots;
        _registers[0x10] = (contextBytes == 64 ? XhciRegisters.ContextSize64 : 0) | (firmwareLetsGo is null ? 0 : (uint)(LegacySupport / 4) << 16);
        _registers[0x14] = Doorbells;
        _registers[0x18] = Runtime;
        // The firmware owns the controller and left it running.
        if (firmwareLetsGo is not null)
            _registers[LegacySupport] = XhciRegisters.BiosOwned | (uint)XhciRegisters.LegacySupportId;
        _registers[Operational + XhciRegisters.Command] = XhciRegisters.CommandRun;
        _registers[Operational + XhciRegisters.PageSize] = 1;
    }

    private readonly int _contextDwords;
    private readonly bool _firmwareLetsGo;

    // HCRST never clears: a controller that hangs in reset.
    public bool StuckInReset { get; init; }

    public int Resets { get; private set; }

    public bool HaltedBeforeReset { get; private set; } = true;

    public int CommandsRun { get; private set; }

    public int LinksFollowed { get; private set; }

    private readonly Dictionary<int, FakeUsbDevice> _devices = new();
    private readonly Dictionary<int, Slot> _slots = new();

    // What a slot's contexts said, and where its rings stand.
    internal sealed class Slot
    {
        public int Port;
        public int Speed;
        public int ControlPacketSize;
        public ulong ControlDequeue;
        public bool ControlCycle;
        public int InterruptIndex;
        public int InterruptType;
        public int InterruptPacketSize;
        public ulong InterruptDequeue;
        public bool InterruptCycle;
        public bool InterruptHalted;
        public bool InterruptStopped;
        public readonly Queue<ulong> Reports = new();
    }

    internal Slot SlotState(int slot) => _slots[slot];

    public List<int> CommandTypes { get; } = new();

    public int PortResets { get; private set; }

    // The device last attached.
    public FakeUsbDevice Device { get; private set; } = null!;

    public void Attach(int port, FakeUsbDevice device)
    {
        _devices[port] = device;
        Device = device;
        _registers[PortRegister(port)] = XhciRegisters.PortConnected | 1u << 9 | (uint)device.Speed << XhciRegisters.PortSpeedShift;
    }

    private static int PortRegister(int port) => Operational + XhciRegisters.PortsBase + (port - 1) * XhciRegisters.PortStride;

    public bool Running => (Read(Operational + XhciRegisters.Status) & XhciRegisters.StatusHalted) == 0;

    private int _delayedPort;
    private int _portReadsLeft;

    // The device on port shows up only after this many reads of any PORTSC (time passing).
    public void DelayConnection(int port, int reads)
    {
        _delayedPort = port;
        _portReadsLeft = reads;
        _registers[PortRegister(port)] &= ~XhciRegisters.PortConnected;
    }

    public uint Read(int offset)
    {
        if (_portReadsLeft > 0 && offset >= PortRegister(1) && offset < PortRegister(Ports + 1) && --_portReadsLeft == 0)
            _registers[PortRegister(_delayedPort)] |= XhciRegisters.PortConnected;
        return _registers.TryGetValue(offset, out uint value) ? value : 0;
    }

    public ulong Read64(int offset) => Read(offset) | (ulong)Read(offset + 4) << 32;

    public void Write(int offset, uint value)
    {
        if (offset == Operational + XhciRegisters.Command)
        {
            WriteCommand(value);
            return;
        }
        if (offset == LegacySupport)
        {
            if ((value & XhciRegisters.OsOwned) != 0 && _firmwareLetsGo)
                value &= ~XhciRegisters.BiosOwned;
            _registers[offset] = value;
            return;
        }
        if (offset >= PortRegister(1) && offset < PortRegister(Ports + 1))
        {
            WritePort(offset, value);
            return;
        }
        if (offset > Doorbells && offset < Doorbells + 4 * (Slots + 1))
        {
            RingSlot((offset - Doorbells) / 4, (int)value);
            return;
        }
        _registers[offset] = value;
        if (offset == Operational + XhciRegisters.CommandRingControl)
        {
            _commandDequeue = value & ~0x3FUL;
            _commandCycle = (value & 1) != 0;
        }
        else if (offset == Operational + XhciRegisters.CommandRingControl + 4)
        {
            _commandDequeue |= (ulong)value << 32;
        }
        else if (offset == Doorbells && value == 0)
        {
            RunCommands();
        }
    }

    private void WriteCommand(uint value)
    {
        int status = Operational + XhciRegisters.Status;
        if ((value & XhciRegisters.CommandReset) != 0)
        {
            Resets++;
            if ((Read(status) & XhciRegisters.StatusHalted) == 0)
                HaltedBeforeReset = false;
            _registers[Operational + XhciRegisters.Command] = StuckInReset ? XhciRegisters.CommandReset : 0;
            return;
        }
        _registers[Operational + XhciRegisters.Command] = value;
        _registers[status] = (value & XhciRegisters.CommandRun) != 0 ? 0 : XhciRegisters.StatusHalted;
    }

    private void RunCommands()
    {
        for (;;)
        {
            uint* trb = (uint*)_commandDequeue;
            uint control = trb[3];
            if (((control & Trb.Cycle) != 0) != _commandCycle)
                return;
            int type = (int)((control >> 10) & 0x3F);
            if (type == Trb.Link)
            {
                LinksFollowed++;
                if ((control & Trb.ToggleCycle) != 0)
                    _commandCycle = !_commandCycle;
                _commandDequeue = *(ulong*)trb;
                continue;
            }
            CommandsRun++;
            CommandTypes.Add(type);
            int slot = type == Trb.EnableSlot ? _nextSlot++ : (int)(control >> 24);
            int code = RunCommand(type, slot, *(ulong*)trb);
            PostEvent(_commandDequeue, (uint)code << 24, Trb.TypeBits(Trb.CommandCompletionEvent) | (uint)slot << 24);
            _commandDequeue += Trb.Bytes;
        }
    }

    private void WritePort(int offset, uint value)
    {
        uint current = Read(offset);
        uint next = current & ~(value & XhciRegisters.PortChanges);
        if ((value & XhciRegisters.PortReset) != 0 && (current & XhciRegisters.PortConnected) != 0)
        {
            PortResets++;
            next |= XhciRegisters.PortEnabled | XhciRegisters.PortResetChange;
        }
        _registers[offset] = next;
    }

    // Completion code of a command (1 success, 5 TRB error, 11 slot not enabled).
    private int RunCommand(int type, int slot, ulong input)
    {
        if (type is Trb.EnableSlot)
        {
            _slots[slot] = new Slot();
            return Trb.Success;
        }
        if (type is Trb.NoOp)
            return Trb.Success;
        if (!_slots.TryGetValue(slot, out Slot? state))
            return 11;
        switch (type)
        {
            case Trb.DisableSlot:
                _slots.Remove(slot);
                return Trb.Success;
            case Trb.ResetEndpoint:
                if (!state.InterruptHalted)
                    return Trb.ContextStateError;
                state.InterruptHalted = false;
                state.InterruptStopped = true;
                return Trb.Success;
            case Trb.SetDequeuePointer:
                if (!state.InterruptStopped)
                    return Trb.ContextStateError;
                state.InterruptStopped = false;
                state.InterruptDequeue = input & ~0xFUL;
                state.InterruptCycle = (input & 1) != 0;
                state.Reports.Clear();
                return Trb.Success;
        }
        uint* context = (uint*)input;
        uint added = context[1];
        uint* slotContext = context + _contextDwords;
        uint* endpoint0 = context + 2 * _contextDwords;
        switch (type)
        {
            case Trb.AddressDevice:
                if (added != 0b11)
                    return 5;
                state.Port = (int)((slotContext[1] >> 16) & 0xFF);
                state.Speed = (int)((slotContext[0] >> 20) & 0xF);
                state.ControlPacketSize = (int)(endpoint0[1] >> 16);
                state.ControlDequeue = (endpoint0[2] | (ulong)endpoint0[3] << 32) & ~0xFUL;
                state.ControlCycle = (endpoint0[2] & 1) != 0;
                return Trb.Success;
            case Trb.EvaluateContext:
                if ((added & 0b10) != 0)
                    state.ControlPacketSize = (int)(endpoint0[1] >> 16);
                return Trb.Success;
            case Trb.ConfigureEndpoint:
                for (int index = 2; index < 32; index++)
                {
                    if ((added & 1u << index) == 0)
                        continue;
                    uint* endpoint = context + _contextDwords * (index + 1);
                    state.InterruptIndex = index;
                    state.InterruptType = (int)((endpoint[1] >> 3) & 7);
                    state.InterruptPacketSize = (int)(endpoint[1] >> 16);
                    state.InterruptDequeue = (endpoint[2] | (ulong)endpoint[3] << 32) & ~0xFUL;
                    state.InterruptCycle = (endpoint[2] & 1) != 0;
                }
                return Trb.Success;
            default:
                return 5;
        }
    }

    // The keyboard's next transfer fails with code (6 stall, 4 transaction error): the
    // endpoint halts until Reset Endpoint and Set TR Dequeue Pointer.
    public bool FailReport(int slotId, int code)
    {
        Slot state = _slots[slotId];
        if (!state.Reports.TryDequeue(out ulong address))
            return false;
        state.InterruptHalted = true;
        PostEvent(address, (uint)code << 24 | 8, Trb.TypeBits(Trb.TransferEvent) | (uint)state.InterruptIndex << 16 | (uint)slotId << 24);
        return true;
    }

    private void RingSlot(int slot, int target)
    {
        if (!_slots.TryGetValue(slot, out Slot? state))
            return;
        if (target == 1)
            RunControl(slot, state);
        else if (target == state.InterruptIndex && !state.InterruptHalted && !state.InterruptStopped)
            CollectReports(state);
    }

    private void RunControl(int slotId, Slot state)
    {
        FakeUsbDevice device = _devices[state.Port];
        if (device.Silent)
            return;
        byte[]? answer = null;
        ulong buffer = 0;
        while (TryNext(ref state.ControlDequeue, ref state.ControlCycle, out uint* trb, out ulong address))
        {
            int type = (int)((trb[3] >> 10) & 0x3F);
            if (type == Trb.SetupStage)
            {
                ulong setup = *(ulong*)trb;
                answer = device.Answer((byte)setup, (byte)(setup >> 8), (ushort)(setup >> 16), (ushort)(setup >> 32), (ushort)(setup >> 48));
            }
            else if (type == Trb.DataStage)
            {
                buffer = *(ulong*)trb;
                int length = (int)(trb[2] & 0x1FFFF);
                if (answer is not null)
                {
                    int count = Math.Min(length, answer.Length);
                    // One short packet of the device's size ends the data stage early.
                    if (state.ControlPacketSize > device.ControlPacketSize)
                        count = Math.Min(count, device.ControlPacketSize);
                    new ReadOnlySpan<byte>(answer, 0, count).CopyTo(new Span<byte>((void*)buffer, count));
                }
            }
            else if (type == Trb.StatusStage)
            {
                int code = answer is null ? 6 : Trb.Success;
                PostEvent(address, (uint)code << 24, Trb.TypeBits(Trb.TransferEvent) | 1u << 16 | (uint)slotId << 24);
            }
        }
    }

    private static void CollectReports(Slot state)
    {
        while (TryNext(ref state.InterruptDequeue, ref state.InterruptCycle, out _, out ulong address))
            state.Reports.Enqueue(address);
    }

    // The keyboard sends a report into the oldest queued Normal TRB; false when none waits.
    public bool SendReport(int slotId, byte[] report)
    {
        Slot state = _slots[slotId];
        if (!state.Reports.TryDequeue(out ulong address))
            return false;
        uint* trb = (uint*)address;
        int length = (int)(trb[2] & 0x1FFFF);
        int count = Math.Min(length, report.Length);
        report.AsSpan(0, count).CopyTo(new Span<byte>((void*)*(ulong*)trb, count));
        int code = count < length ? Trb.ShortPacket : Trb.Success;
        PostEvent(address, (uint)code << 24 | (uint)(length - count), Trb.TypeBits(Trb.TransferEvent) | (uint)state.InterruptIndex << 16 | (uint)slotId << 24);
        return true;
    }

    // The next TRB the controller owns on a transfer ring, Link TRBs followed.
    private static bool TryNext(ref ulong dequeue, ref bool cycle, out uint* trb, out ulong address)
    {
        for (;;)
        {
            trb = (uint*)dequeue;
            address = dequeue;
            if (((trb[3] & Trb.Cycle) != 0) != cycle)
                return false;
            if (((trb[3] >> 10) & 0x3F) == Trb.Link)
            {
                if ((trb[3] & Trb.ToggleCycle) != 0)
                    cycle = !cycle;
                dequeue = *(ulong*)trb;
                continue;
            }
            dequeue += Trb.Bytes;
            return true;
        }
    }

    private void PostEvent(ulong parameter, uint status, uint control)
    {
        int interrupter = Runtime + XhciRegisters.Interrupter0;
        byte* table = (byte*)Read64(interrupter + XhciRegisters.EventRingTableBase);
        byte* segment = (byte*)*(ulong*)table;
        int size = *(int*)(table + 8);
        uint* slot = (uint*)(segment + _eventEnqueue * Trb.Bytes);
        *(ulong*)slot = parameter;
        slot[2] = status;
        slot[3] = control | (_eventCycle ? Trb.Cycle : 0);
        if (++_eventEnqueue == size)
        {
            _eventEnqueue = 0;
            _eventCycle = !_eventCycle;
        }
    }
}
