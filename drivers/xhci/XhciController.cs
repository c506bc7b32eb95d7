namespace Uk.Drivers.Xhci;

// One xHCI host controller (xHCI 1.2, 4.2): taken from the firmware, halted and reset, given
// its device context array (and scratchpad pages when it asks), a command ring and one event
// ring, then run. Commands and control transfers are polled one at a time, each wait bounded
// by XhciOptions.TimeoutMs; events nobody waits for (port changes) are passed over.
public sealed unsafe class XhciController
{
    private const int CommandRingTrbs = 32;
    private const int EventRingTrbs = 64;
    private const int SlotsWanted = 16;

    // Transfer events that arrived while a command was waited for, handed out first by
    // TryTakeEvent so no keyboard loses its report.
    private const int DeferredEvents = 8;

    private readonly IXhciRegisters _registers;
    private readonly Trb[] _deferred = new Trb[DeferredEvents];
    private int _deferredStart;
    private int _deferredCount;
    private int _operational;
    private int _runtime;
    private int _doorbells;
    private ulong* _contextArray;
    private ProducerRing? _commands;
    private EventRing? _events;

    public XhciController(IXhciRegisters registers) => _registers = registers;

    public IXhciRegisters Registers => _registers;

    // "1.0" from HCIVERSION.
    public string Version
    {
        get
        {
            uint version = _registers.Read(XhciRegisters.CapabilityLength) >> 16;
            return (version >> 8).ToString("x") + "." + ((version >> 4) & 0xF).ToString("x") + ((version & 0xF) != 0 ? (version & 0xF).ToString("x") : "");
        }
    }

    public int PortCount { get; private set; }

    public int SlotCount { get; private set; }

    // 32 or 64: the size of each slot and endpoint context (HCCPARAMS1.CSZ).
    public int ContextBytes { get; private set; }

    // Take over, reset, set up the rings and run. False, with the reason, when a step fails.
    public bool Start(out string refusal)
    {
        int capabilityLength = (int)(_registers.Read(XhciRegisters.CapabilityLength) & 0xFF);
        uint structural1 = _registers.Read(XhciRegisters.StructuralParameters1);
        uint structural2 = _registers.Read(XhciRegisters.StructuralParameters2);
        uint capabilities = _registers.Read(XhciRegisters.CapabilityParameters1);
        _operational = capabilityLength;
        _runtime = (int)(_registers.Read(XhciRegisters.RuntimeOffset) & ~0x1Fu);
        _doorbells = (int)(_registers.Read(XhciRegisters.DoorbellOffset) & ~0x3u);
        PortCount = (int)(structural1 >> 24);
        SlotCount = System.Math.Min(SlotsWanted, (int)(structural1 & 0xFF));
        ContextBytes = (capabilities & XhciRegisters.ContextSize64) != 0 ? 64 : 32;
        if (capabilityLength == 0 || SlotCount == 0)
        {
            refusal = "the capability registers make no sense (CAPLENGTH " + capabilityLength.ToString() + ", " + SlotCount.ToString() + " slots)";
            return false;
        }
        TakeFromFirmware((int)(capabilities >> 16));
        if (!Halt() || !Reset())
        {
            refusal = "the controller did not halt and reset (USBSTS 0x" + ReadOperational(XhciRegisters.Status).ToString("x") + ")";
            return false;
        }
        _commands = ProducerRing.Allocate(CommandRingTrbs);
        _events = EventRing.Allocate(EventRingTrbs);
        _contextArray = (ulong*)DmaMemory.Zeroed((SlotCount + 1) * 8, 64);
        if (_commands is null || _events is null || _contextArray == null || !GiveScratchpads(structural2))
        {
            refusal = "no memory for the rings and contexts";
            return false;
        }
        WriteOperational(XhciRegisters.Configure, (uint)SlotCount);
        WriteOperational64(XhciRegisters.ContextBaseArray, (ulong)_contextArray);
        WriteOperational64(XhciRegisters.CommandRingControl, _commands.Address | (_commands.CycleState ? 1u : 0u));
        int interrupter = _runtime + XhciRegisters.Interrupter0;
        _registers.Write(interrupter + XhciRegisters.EventRingTableSize, 1);
        Write64(interrupter + XhciRegisters.EventRingDequeue, _events.DequeueAddress);
        Write64(interrupter + XhciRegisters.EventRingTableBase, _events.TableAddress);
        WriteOperational(XhciRegisters.Command, XhciRegisters.CommandRun);
        if (!WaitOperational(XhciRegisters.Status, XhciRegisters.StatusHalted, 0))
        {
            refusal = "the controller did not start (USBSTS 0x" + ReadOperational(XhciRegisters.Status).ToString("x") + ")";
            return false;
        }
        refusal = "";
        return true;
    }

    // USB Legacy Support (7.1): the firmware owns the controller until it lets go of its
    // semaphore; one that never does is reset from under it anyway.
    private void TakeFromFirmware(int extendedPointer)
    {
        int offset = extendedPointer * 4;
        for (int hops = 0; offset != 0 && hops < 64; hops++)
        {
            uint capability = _registers.Read(offset);
            if ((capability & 0xFF) == XhciRegisters.LegacySupportId)
            {
                _registers.Write(offset, capability | XhciRegisters.OsOwned);
                Wait(offset, XhciRegisters.BiosOwned, 0);
                return;
            }
            int next = (int)((capability >> 8) & 0xFF);
            offset = next == 0 ? 0 : offset + next * 4;
        }
    }

    private bool Halt()
    {
        WriteOperational(XhciRegisters.Command, ReadOperational(XhciRegisters.Command) & ~XhciRegisters.CommandRun);
        return WaitOperational(XhciRegisters.Status, XhciRegisters.StatusHalted, XhciRegisters.StatusHalted);
    }

    private bool Reset()
    {
        WriteOperational(XhciRegisters.Command, XhciRegisters.CommandReset);
        return WaitOperational(XhciRegisters.Command, XhciRegisters.CommandReset, 0)
            && WaitOperational(XhciRegisters.Status, XhciRegisters.StatusNotReady, 0);
    }

    // HCSPARAMS2 asks for pages the controller keeps its own state in (4.20).
    private bool GiveScratchpads(uint structural2)
    {
        int count = (int)(((structural2 >> 21) & 0x1F) << 5 | (structural2 >> 27));
        if (count == 0)
            return true;
        int pageBytes = 4096 << System.Math.Max(0, TrailingZeros(ReadOperational(XhciRegisters.PageSize) & 0xFFFF));
        ulong* array = (ulong*)DmaMemory.Zeroed(count * 8, 64);
        if (array == null)
            return false;
        for (int i = 0; i < count; i++)
        {
            byte* page = DmaMemory.Zeroed(pageBytes, pageBytes);
            if (page == null)
                return false;
            array[i] = (ulong)page;
        }
        _contextArray[0] = (ulong)array;
        return true;
    }

    private static int TrailingZeros(uint value)
    {
        if (value == 0)
            return 0;
        int zeros = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            zeros++;
        }
        return zeros;
    }

    // A device attached before the reset shows up again after it: on a USB 2 port once the
    // controller sees it attach, on a USB 3 port once its link has trained (tens of
    // milliseconds on real hardware, at once under QEMU). Waits until every port reports a
    // connection or settleMs pass.
    public void WaitForConnections(int settleMs)
    {
        if (settleMs <= 0)
            return;
        long deadline = Deadline.After(settleMs);
        for (long polls = 0; ; polls++)
        {
            bool all = true;
            for (int port = 1; port <= PortCount && all; port++)
                all = (ReadPort(port) & XhciRegisters.PortConnected) != 0;
            if (all || Deadline.Passed(deadline, polls, settleMs))
                return;
        }
    }

    // PORTSC of root port 1..PortCount.
    public uint ReadPort(int port) => ReadOperational(XhciRegisters.PortsBase + (port - 1) * XhciRegisters.PortStride);

    // Writes the bits given (write-1-to-clear changes, PR) keeping power and wake settings.
    public void WritePort(int port, uint currentValue, uint bits) =>
        WriteOperational(XhciRegisters.PortsBase + (port - 1) * XhciRegisters.PortStride, (currentValue & XhciRegisters.PortPreserved) | bits);

    // USB2 ports need a reset to be enabled (4.3.1); a USB3 port enables itself when the link
    // trains. True when the port is enabled afterwards.
    public bool ResetPort(int port)
    {
        uint status = ReadPort(port);
        if ((status & XhciRegisters.PortEnabled) != 0)
            return true;
        WritePort(port, status, XhciRegisters.PortReset | XhciRegisters.PortChanges);
        long deadline = Deadline.After(XhciOptions.TimeoutMs);
        for (long polls = 0; ; polls++)
        {
            status = ReadPort(port);
            if ((status & XhciRegisters.PortResetChange) != 0 && (status & XhciRegisters.PortReset) == 0)
                break;
            if (Deadline.Passed(deadline, polls, XhciOptions.TimeoutMs))
                return false;
        }
        WritePort(port, status, XhciRegisters.PortChanges);
        return (ReadPort(port) & XhciRegisters.PortEnabled) != 0;
    }

    public void SetDeviceContext(int slot, ulong address) => _contextArray[slot] = address;

    // Runs one command and waits for its completion event; false when it failed or timed out.
    public bool RunCommand(ulong parameter, uint status, uint control, out Trb completion)
    {
        ulong address = _commands!.Enqueue(parameter, status, control);
        RingDoorbell(0, 0);
        return WaitForEvent(Trb.CommandCompletionEvent, address, out completion) && completion.CompletionCode == Trb.Success;
    }

    // target: 0 for the command ring on doorbell 0, else the endpoint's context index.
    public void RingDoorbell(int slot, int target) => _registers.Write(_doorbells + slot * 4, (uint)target);

    // Takes events until the one of type about the TRB at address; others are dropped (they
    // come from ports and endpoints nobody listens to yet). False on timeout.
    public bool WaitForEvent(int type, ulong address, out Trb found)
    {
        long deadline = Deadline.After(XhciOptions.TimeoutMs);
        for (long polls = 0; ; polls++)
        {
            if (TryTakeFromRing(out found))
            {
                if (found.Type == type && found.Parameter == address)
                    return true;
                if (type != Trb.TransferEvent && found.Type == Trb.TransferEvent)
                    Defer(found);
                // A transfer that failed before the TRB waited for says so on an earlier TRB.
                if (type == Trb.TransferEvent && found.Type == type && !found.Completed)
                    return false;
                continue;
            }
            if (Deadline.Passed(deadline, polls, XhciOptions.TimeoutMs))
                return false;
        }
    }

    // Interrupter 0 signals each event (the vector attached by XhciLibrary) from now on.
    public void EnableInterrupts()
    {
        int management = _runtime + XhciRegisters.Interrupter0 + XhciRegisters.InterrupterManagement;
        _registers.Write(management, XhciRegisters.InterruptEnable | XhciRegisters.InterruptPending);
        WriteOperational(XhciRegisters.Command, ReadOperational(XhciRegisters.Command) | XhciRegisters.CommandInterrupterEnable);
    }

    // Clears the pending flags (both write-1-to-clear), so the next event interrupts again
    // and a level-triggered line goes down.
    public void AcknowledgeInterrupt()
    {
        WriteOperational(XhciRegisters.Status, XhciRegisters.StatusEventInterrupt);
        int management = _runtime + XhciRegisters.Interrupter0 + XhciRegisters.InterrupterManagement;
        _registers.Write(management, XhciRegisters.InterruptEnable | XhciRegisters.InterruptPending);
    }

    // The next event: one deferred while a command ran, else the ring's next.
    public bool TryTakeEvent(out Trb trb)
    {
        if (_deferredCount > 0)
        {
            trb = _deferred[_deferredStart];
            _deferredStart = (_deferredStart + 1) % DeferredEvents;
            _deferredCount--;
            return true;
        }
        return TryTakeFromRing(out trb);
    }

    // Keeps the newest DeferredEvents; each keyboard has one report in flight, so more
    // cannot be waiting.
    private void Defer(in Trb trb)
    {
        if (_deferredCount == DeferredEvents)
        {
            _deferredStart = (_deferredStart + 1) % DeferredEvents;
            _deferredCount--;
        }
        _deferred[(_deferredStart + _deferredCount) % DeferredEvents] = trb;
        _deferredCount++;
    }

    // The ring's next event, telling the controller the slot is free again (ERDP, EHB cleared).
    private bool TryTakeFromRing(out Trb trb)
    {
        EventRing events = _events!;
        if (!events.TryTake(out trb))
            return false;
        Write64(_runtime + XhciRegisters.Interrupter0 + XhciRegisters.EventRingDequeue, events.DequeueAddress | XhciRegisters.EventHandlerBusy);
        return true;
    }

    private bool WaitOperational(int offset, uint mask, uint wanted) => Wait(_operational + offset, mask, wanted);

    private bool Wait(int offset, uint mask, uint wanted)
    {
        long deadline = Deadline.After(XhciOptions.TimeoutMs);
        for (long polls = 0; ; polls++)
        {
            uint value = _registers.Read(offset);
            if ((value & mask) == wanted)
                return true;
            if (value == 0xFFFFFFFF || Deadline.Passed(deadline, polls, XhciOptions.TimeoutMs))
                return false;
        }
    }

    private uint ReadOperational(int offset) => _registers.Read(_operational + offset);

    private void WriteOperational(int offset, uint value) => _registers.Write(_operational + offset, value);

    private void WriteOperational64(int offset, ulong value) => Write64(_operational + offset, value);

    private void Write64(int offset, ulong value)
    {
        _registers.Write(offset, (uint)value);
        _registers.Write(offset + 4, (uint)(value >> 32));
    }
}
