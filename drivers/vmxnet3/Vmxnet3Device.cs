using System;
using Uk.Core;
using Uk.NetDev;

namespace Uk.Drivers.Vmxnet3;

// A VMXNET3 function as an INetDevice: one receive queue (RxQueue) and one transmit queue
// (TxQueue) described to the device in the shared area (SharedArea), activated by command.
//
// With MSI-X, receive, transmit and events have an interrupt each; on INTx one serves all
// three and its handler reads the cause register first (zero: another device on the line).
// The receive interrupt masks itself and calls Notify; Receive unmasks it when it finds the
// completion ring drained, then looks once more (NAPI-style), so a burst costs one
// interrupt. Transmit writes the producer register per frame; sent buffers are reclaimed on
// the next Transmit or Receive, and with MSI-X the transmit interrupt is unmasked only after
// the ring was found full, so the sender learns through Notify that space came back.
//
// Every ring operation runs with interrupts off: one CPU, and the handler shares the rings.
public sealed class Vmxnet3Device : INetDevice
{
    private const int EthernetHeaderLength = 14;

    private readonly IVmxnet3Registers _registers;
    private readonly DmaBlock _shared;
    private readonly DmaBlock _queues;
    private readonly RxQueue _rx;
    private readonly TxQueue _tx;
    private readonly int _refillBatch;
    private bool _interruptOff;
    private bool _transmitInterruptWanted;

    public Vmxnet3Device(string name, IVmxnet3Registers registers, DmaBlock shared, DmaBlock queues, RxQueue rx, TxQueue tx, NetBufferPool transmitPool, NetDeviceStatistics statistics)
    {
        Statistics = statistics;
        Name = name;
        _registers = registers;
        _shared = shared;
        _queues = queues;
        _rx = rx;
        _tx = tx;
        TransmitPool = transmitPool;
        _refillBatch = Math.Max(1, rx.Size / 8);
    }

    public string Name { get; }

    public MacAddress Mac { get; private set; }

    public int Mtu => 1500;

    // Ethernet header, payload and a VLAN tag.
    public int MaximumFrame => EthernetHeaderLength + Mtu + 4;

    public bool LinkUp
    {
        get
        {
            ulong flags = Interrupts.Disable();
            _registers.WriteVd(Vmxnet3Registers.Command, Vmxnet3Registers.CommandGetLink);
            bool up = (_registers.ReadVd(Vmxnet3Registers.Command) & Vmxnet3Registers.LinkUp) != 0;
            Interrupts.Restore(flags);
            return up;
        }
    }

    public NetOffloads Offloads => NetOffloads.None;

    // Shared with RxQueue, which counts what it receives and drops.
    public NetDeviceStatistics Statistics { get; }

    public NetBufferPool TransmitPool { get; }

    public Action? Notify { get; set; }

    public bool UsesInterrupts { get; set; }

    // MSI-X entries for receive, transmit and events are attached; set before Start, with
    // UsesInterrupts.
    public bool UsesMessages { get; set; }

    public int ReceiveRingSize => _rx.Size;

    public int TransmitRingSize => _tx.Size;

    // Link events the device reported.
    public ulong LinkChanges { get; private set; }

    public ulong RejectedCompletions => _tx.RejectedCompletions;

    // Selects revision 1, resets, reads the MAC, describes the queues and activates. False
    // when the device offers no revision 1 or refuses activation.
    public bool Start()
    {
        ulong flags = Interrupts.Disable();
        bool started = Activate();
        Interrupts.Restore(flags);
        return started;
    }

    public bool Transmit(NetBuffer frame)
    {
        int length = frame.Length;
        if (length < EthernetHeaderLength || length > MaximumFrame || frame.Offset < 0 || frame.Offset + length > frame.Data.Length)
        {
            // Not a frame the device could send: dropped (and owned) here, so no caller retries it.
            Statistics.TransmitErrors++;
            frame.Release();
            return true;
        }
        ulong flags = Interrupts.Disable();
        _tx.Reclaim();
        bool posted = _tx.Post(frame);
        if (!posted && UsesMessages)
        {
            // Completions before the unmask raise nothing: look once more.
            if (!_transmitInterruptWanted)
            {
                _transmitInterruptWanted = true;
                SetMask(SharedArea.TransmitVector, false);
            }
            if (_tx.Reclaim() > 0)
                posted = _tx.Post(frame);
        }
        if (!posted)
        {
            Statistics.TransmitBusy++;
            Interrupts.Restore(flags);
            return false;
        }
        _registers.WritePt(Vmxnet3Registers.TransmitProducer, (uint)_tx.Fill);
        Statistics.FramesTransmitted++;
        Statistics.BytesTransmitted += (ulong)length;
        Interrupts.Restore(flags);
        return true;
    }

    public NetBuffer? Receive()
    {
        ulong flags = Interrupts.Disable();
        _tx.Reclaim();
        while (true)
        {
            NetBuffer? frame = _rx.Take();
            if (frame is not null)
            {
                Refill(force: false);
                Interrupts.Restore(flags);
                return frame;
            }
            if (UsesInterrupts && _interruptOff)
            {
                // A completion written before the unmask raised nothing: look once more.
                _interruptOff = false;
                SetMask(SharedArea.ReceiveVector, false);
                if (_rx.HasCompleted)
                {
                    Mask();
                    continue;
                }
            }
            Refill(force: true);
            Interrupts.Restore(flags);
            return null;
        }
    }

    // INTx, possibly shared with other functions.
    public void OnInterrupt()
    {
        if (_registers.ReadVd(Vmxnet3Registers.InterruptCause) == 0)
            return;
        Statistics.Interrupts++;
        Mask();
        TakeEvents();
        Notify?.Invoke();
    }

    // MSI-X: frames arrived.
    public void OnReceiveMessage()
    {
        Statistics.Interrupts++;
        Mask();
        Notify?.Invoke();
    }

    // MSI-X: transmit buffers came back after the ring was full.
    public void OnTransmitMessage()
    {
        Statistics.Interrupts++;
        _transmitInterruptWanted = false;
        SetMask(SharedArea.TransmitVector, true);
        Notify?.Invoke();
    }

    // MSI-X: an event (link change, queue error) in the shared area.
    public void OnEventMessage()
    {
        Statistics.Interrupts++;
        TakeEvents();
        Notify?.Invoke();
    }

    private void TakeEvents()
    {
        uint events = _shared.Read32(SharedArea.EventCause);
        if (events != 0)
        {
            // Writing the events back acknowledges them.
            _registers.WriteVd(Vmxnet3Registers.EventCause, events);
            if ((events & Vmxnet3Registers.EventLink) != 0)
                LinkChanges++;
        }
    }

    private void Mask()
    {
        _interruptOff = true;
        SetMask(SharedArea.ReceiveVector, true);
    }

    // Each interrupt's mask register sits in its own 8-byte slot of BAR 0.
    private void SetMask(int vector, bool masked) =>
        _registers.WritePt(Vmxnet3Registers.InterruptMask + vector * 8, masked ? 1u : 0u);

    private void Refill(bool force)
    {
        if (!force && _rx.Free < _refillBatch)
            return;
        if (_rx.Refill())
            _registers.WritePt(Vmxnet3Registers.ReceiveProducer, (uint)_rx.Fill);
    }

    private bool Activate()
    {
        if ((_registers.ReadVd(Vmxnet3Registers.Revision) & 1) == 0 || (_registers.ReadVd(Vmxnet3Registers.UptVersion) & 1) == 0)
            return false;
        _registers.WriteVd(Vmxnet3Registers.Revision, 1);
        _registers.WriteVd(Vmxnet3Registers.UptVersion, 1);
        _registers.WriteVd(Vmxnet3Registers.Command, Vmxnet3Registers.CommandReset);
        uint low = _registers.ReadVd(Vmxnet3Registers.MacLow);
        uint high = _registers.ReadVd(Vmxnet3Registers.MacHigh);
        Mac = new MacAddress((ulong)(low & 0xFF) << 40 | (ulong)(low >> 8 & 0xFF) << 32 | (ulong)(low >> 16 & 0xFF) << 24
            | (ulong)(low >> 24) << 16 | (ulong)(high & 0xFF) << 8 | (high >> 8 & 0xFF));
        SharedArea.Write(_shared, _queues, _tx, _rx, Mtu, UsesInterrupts, UsesInterrupts && UsesMessages);
        _rx.Refill();
        _registers.WriteVd(Vmxnet3Registers.SharedLow, (uint)_shared.Address);
        _registers.WriteVd(Vmxnet3Registers.SharedHigh, (uint)(_shared.Address >> 32));
        _registers.WriteVd(Vmxnet3Registers.Command, Vmxnet3Registers.CommandActivate);
        if (_registers.ReadVd(Vmxnet3Registers.Command) != 0)
            return false;
        _registers.WriteVd(Vmxnet3Registers.Command, Vmxnet3Registers.CommandUpdateReceiveMode);
        _registers.WritePt(Vmxnet3Registers.ReceiveProducer, (uint)_rx.Fill);
        SetMask(SharedArea.ReceiveVector, !UsesInterrupts);
        if (UsesInterrupts && UsesMessages)
        {
            SetMask(SharedArea.TransmitVector, true);
            SetMask(SharedArea.EventVector, false);
        }
        _interruptOff = !UsesInterrupts;
        return true;
    }
}
