using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

// A simulated xHCI controller behind the register seam: capability registers describing 8
// slots and 4 ports, HCRST and Run/Stop with the status bits they move, and doorbell 0 making
// it consume the command ring from memory (following Link TRBs and their Toggle Cycle) and
// write a Command Completion Event for each command into the event ring the ERST describes.
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

    public FakeXhci()
    {
        _registers[0x00] = 0x0100_0000u | Operational;
        _registers[0x04] = (uint)Ports << 24 | 1u << 8 | Slots;
        _registers[0x14] = Doorbells;
        _registers[0x18] = Runtime;
        // Running as the firmware left it.
        _registers[Operational + XhciRegisters.Command] = XhciRegisters.CommandRun;
        _registers[Operational + XhciRegisters.PageSize] = 1;
    }

    // HCRST never clears: a controller that hangs in reset.
    public bool StuckInReset { get; init; }

    public int Resets { get; private set; }

    public bool HaltedBeforeReset { get; private set; } = true;

    public int CommandsRun { get; private set; }

    public int LinksFollowed { get; private set; }

    public bool Running => (Read(Operational + XhciRegisters.Status) & XhciRegisters.StatusHalted) == 0;

    public uint Read(int offset) => _registers.TryGetValue(offset, out uint value) ? value : 0;

    public ulong Read64(int offset) => Read(offset) | (ulong)Read(offset + 4) << 32;

    public void Write(int offset, uint value)
    {
        if (offset == Operational + XhciRegisters.Command)
        {
            WriteCommand(value);
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
            int slot = type == Trb.EnableSlot ? _nextSlot++ : (int)(control >> 24);
            PostEvent(_commandDequeue, (uint)Trb.Success << 24, Trb.TypeBits(Trb.CommandCompletionEvent) | (uint)slot << 24);
            _commandDequeue += Trb.Bytes;
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
