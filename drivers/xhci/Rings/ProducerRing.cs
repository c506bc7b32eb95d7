using Uk.Drivers.Pci;

namespace Uk.Drivers.Xhci;

// A command or transfer ring the driver fills and the controller consumes (xHCI 1.2, 4.9):
// one segment whose last slot is a Link TRB back to the start. A TRB belongs to the
// controller when its cycle bit equals the ring's cycle state, so the cycle dword is written
// last, and each pass over the Link TRB toggles the state (its Toggle Cycle flag tells the
// controller to do the same).
public sealed unsafe class ProducerRing
{
    private readonly byte* _trbs;
    private int _enqueue;

    private ProducerRing(byte* trbs, int count)
    {
        _trbs = trbs;
        Count = count;
    }

    // Null when the allocator has no room. count includes the Link TRB.
    public static ProducerRing? Allocate(int count)
    {
        byte* trbs = DmaMemory.Zeroed(count * Trb.Bytes, 64);
        return trbs == null ? null : new ProducerRing(trbs, count);
    }

    public int Count { get; }

    public ulong Address => (ulong)_trbs;

    // Where the next TRB goes: a dequeue pointer past everything queued so far.
    public ulong EnqueueAddress => (ulong)(_trbs + _enqueue * Trb.Bytes);

    // The producer cycle state, the controller's initial dequeue cycle (CRCR.RCS, TR Dequeue DCS).
    public bool CycleState { get; private set; } = true;

    // Hands one TRB to the controller (the cycle bit of control is set here); its address,
    // which events name.
    public ulong Enqueue(ulong parameter, uint status, uint control)
    {
        byte* slot = _trbs + _enqueue * Trb.Bytes;
        Write(slot, parameter, status, control);
        _enqueue++;
        if (_enqueue == Count - 1)
        {
            Write(_trbs + _enqueue * Trb.Bytes, (ulong)_trbs, 0, Trb.TypeBits(Trb.Link) | Trb.ToggleCycle);
            _enqueue = 0;
            CycleState = !CycleState;
        }
        return (ulong)slot;
    }

    // The TRB at index, as the controller would read it (host tests).
    public Trb Read(int index)
    {
        byte* slot = _trbs + index * Trb.Bytes;
        ulong parameter = DeviceMemory.Read32(slot) | (ulong)DeviceMemory.Read32(slot + 4) << 32;
        return new Trb(parameter, DeviceMemory.Read32(slot + 8), DeviceMemory.Read32(slot + 12));
    }

    private void Write(byte* slot, ulong parameter, uint status, uint control)
    {
        DeviceMemory.Write32(slot, (uint)parameter);
        DeviceMemory.Write32(slot + 4, (uint)(parameter >> 32));
        DeviceMemory.Write32(slot + 8, status);
        DeviceMemory.Write32(slot + 12, (control & ~Trb.Cycle) | (CycleState ? Trb.Cycle : 0));
    }
}
