using System;
using Uk.Core;
using Uk.NetDev;

namespace Uk.Drivers.E1000;

// An 8254x or 82574 function as an INetDevice, with one receive and one transmit ring of
// legacy descriptors.
//
// Receive: every descriptor holds one 2 KiB pool buffer, enough for any frame with long
// frames off; Receive takes completed buffers (ReceiveRing checks them) and tops the ring up
// from the pool, so buffers the consumer releases go back to the device. The interrupt
// handler masks further receive interrupts and calls Notify; Receive unmasks them when it
// finds the ring drained, then looks once more (NAPI-style), so a burst costs one interrupt.
//
// Transmit: one descriptor per frame, the tail register written per frame. Sent buffers are
// reclaimed on the next Transmit or Receive; the transmit-done interrupt is unmasked only
// after the ring was found full, so the sender learns through Notify that space came back.
//
// Interrupts come through INTx (OnInterrupt reads the causes) or, on the 82574, through three
// MSI-X entries: receive, transmit and other (link, overrun). There the chip clears a queue's
// cause and masks it itself when it sends the message, which is the masking above for free.
//
// Every ring operation runs with interrupts off: one CPU, and the handler shares the rings.
public sealed class E1000Device : INetDevice
{
    public const int ReceiveBufferBytes = E1000Registers.ReceiveBufferBytes;
    private const int EthernetHeaderLength = 14;
    private const int ResetPolls = 100_000;

    private readonly IE1000Registers _registers;
    private readonly ReceiveRing _rx;
    private readonly TransmitRing _tx;
    private readonly NetBufferPool _rxPool;
    private readonly int _refillBatch;
    private bool _rxInterruptsOff;
    private bool _txInterruptWanted;
    private uint _receiveCauses = E1000Registers.CausesReceive;
    private uint _transmitCause = E1000Registers.CauseTransmitDone;

    public E1000Device(string name, E1000Chip chip, IE1000Registers registers, DescriptorRing rxDescriptors, DescriptorRing txDescriptors, int rxBuffers, int txBuffers)
    {
        Name = name;
        Chip = chip;
        _registers = registers;
        _rxPool = new NetBufferPool(Math.Max(rxBuffers, rxDescriptors.Count), ReceiveBufferBytes, 0);
        _rx = new ReceiveRing(rxDescriptors, _rxPool, Statistics, MaximumFrame);
        _tx = new TransmitRing(txDescriptors);
        TransmitPool = new NetBufferPool(Math.Max(txBuffers, txDescriptors.Count + 32), MaximumFrame, 0);
        _refillBatch = Math.Max(1, rxDescriptors.Count / 8);
    }

    public string Name { get; }

    public E1000Chip Chip { get; }

    public MacAddress Mac { get; private set; }

    public int Mtu => 1500;

    // Ethernet header, payload and a VLAN tag; the device strips the CRC.
    public int MaximumFrame => EthernetHeaderLength + Mtu + 4;

    public bool LinkUp => (_registers.Read(E1000Registers.Status) & E1000Registers.StatusLinkUp) != 0;

    public NetOffloads Offloads => NetOffloads.None;

    public NetDeviceStatistics Statistics { get; } = new NetDeviceStatistics();

    public NetBufferPool TransmitPool { get; }

    public Action? Notify { get; set; }

    public bool UsesInterrupts { get; set; }

    // MSI-X entries 0 (receive), 1 (transmit) and 2 (other causes) are attached; set before
    // Start, with UsesInterrupts.
    public bool UsesMessages { get; set; }

    public int ReceiveRingSize => _rx.Descriptors.Count;

    public int TransmitRingSize => _tx.Descriptors.Count;

    // Interrupts that were this device's; polled devices never count.
    public ulong InterruptCount => Statistics.Interrupts;

    // Link-status-change interrupts seen.
    public ulong LinkChanges { get; private set; }

    // Resets the chip and brings it up: MAC, filters, both rings, interrupts. False when the
    // reset never finished or no MAC address could be found.
    public bool Start()
    {
        ulong flags = Interrupts.Disable();
        bool started = Reset() && ReadAddress();
        if (started)
        {
            ClearMulticastTable();
            StartReceive();
            StartTransmit();
            if (UsesInterrupts && UsesMessages)
                StartMessages();
            else if (UsesInterrupts)
                _registers.Write(E1000Registers.InterruptMaskSet, E1000Registers.CausesReceive | E1000Registers.CauseLinkChange);
            else
                _rxInterruptsOff = true;
        }
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
        if (!posted && UsesInterrupts)
        {
            // Tell the sender (Notify) when the device hands buffers back. Completions before
            // the unmask raise nothing (their stale cause is cleared first): look once more.
            if (!_txInterruptWanted)
            {
                _txInterruptWanted = true;
                _registers.Write(E1000Registers.InterruptCause, _transmitCause);
                _registers.Write(E1000Registers.InterruptMaskSet, _transmitCause);
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
        _registers.Write(E1000Registers.TransmitTail, (uint)_tx.Tail);
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
                if (_rx.Free >= _refillBatch)
                    Refill();
                Interrupts.Restore(flags);
                return frame;
            }
            if (UsesInterrupts && _rxInterruptsOff)
            {
                // Causes raised while masked are stale (those frames were just taken): clear
                // them so unmasking does not interrupt at once, then look again for a frame
                // that came in between.
                _rxInterruptsOff = false;
                _registers.Write(E1000Registers.InterruptCause, _receiveCauses);
                _registers.Write(E1000Registers.InterruptMaskSet, _receiveCauses);
                if (_rx.HasCompleted)
                {
                    MaskReceive();
                    continue;
                }
            }
            // Frames the chip had no descriptor for: its overrun interrupt is masked with the
            // rest of receive while the consumer drains, so the count is read here.
            Statistics.ReceiveDropped += _registers.Read(E1000Registers.MissedPackets);
            Refill();
            Interrupts.Restore(flags);
            return null;
        }
    }

    // INTx, possibly shared with other functions: zero causes means another device's.
    public void OnInterrupt()
    {
        uint causes = _registers.Read(E1000Registers.InterruptCause);
        if (causes == 0)
            return;
        // Reading clears the causes on every chip but the 82574 in some emulations; writing
        // them back clears them everywhere, so the line drops.
        _registers.Write(E1000Registers.InterruptCause, causes);
        Statistics.Interrupts++;
        if ((causes & _receiveCauses) != 0)
            MaskReceive();
        if ((causes & E1000Registers.CauseReceiveOverrun) != 0)
            Statistics.ReceiveDropped += _registers.Read(E1000Registers.MissedPackets);
        if ((causes & _transmitCause) != 0 && _txInterruptWanted)
        {
            _txInterruptWanted = false;
            _registers.Write(E1000Registers.InterruptMaskClear, _transmitCause);
        }
        // LinkUp reads the status live; the change is only counted and passed on.
        if ((causes & E1000Registers.CauseLinkChange) != 0)
            LinkChanges++;
        Notify?.Invoke();
    }

    // MSI-X entry 0: frames arrived.
    public void OnReceiveMessage()
    {
        Statistics.Interrupts++;
        MaskReceive();
        Notify?.Invoke();
    }

    // MSI-X entry 1: transmit buffers came back after the ring was full.
    public void OnTransmitMessage()
    {
        Statistics.Interrupts++;
        _txInterruptWanted = false;
        _registers.Write(E1000Registers.InterruptMaskClear, _transmitCause);
        Notify?.Invoke();
    }

    // MSI-X entry 2: the causes without a queue (link change, receive overrun), read and
    // cleared from ICR as on INTx.
    public void OnOtherMessage() => OnInterrupt();

    // The chip masks a queue cause itself on MSI-X (EIAC without IAME); masking it here too
    // keeps INTx and chips that do not auto-mask the same.
    private void MaskReceive()
    {
        _rxInterruptsOff = true;
        _registers.Write(E1000Registers.InterruptMaskClear, _receiveCauses);
    }

    // Every queue cause gets its own entry, the chip clears (and masks) the queue causes as
    // it sends their messages, and the other causes stay on their entry until read.
    private void StartMessages()
    {
        _receiveCauses = E1000Registers.CauseReceiveQueue0;
        _transmitCause = E1000Registers.CauseTransmitQueue0;
        _registers.Write(E1000Registers.InterruptVectors,
            (E1000Registers.VectorValid | 0) << E1000Registers.VectorShiftReceive
            | (E1000Registers.VectorValid | 1) << E1000Registers.VectorShiftTransmit
            | (E1000Registers.VectorValid | 2) << E1000Registers.VectorShiftOther);
        _registers.Write(E1000Registers.MessageAutoClear, E1000Registers.CauseReceiveQueue0 | E1000Registers.CauseTransmitQueue0);
        _registers.Write(E1000Registers.InterruptMaskSet, E1000Registers.CauseReceiveQueue0 | E1000Registers.CauseOther
            | E1000Registers.CauseLinkChange | E1000Registers.CauseReceiveOverrun);
    }

    private void Refill()
    {
        if (_rx.Refill())
            _registers.Write(E1000Registers.ReceiveTail, (uint)_rx.Tail);
    }

    private bool Reset()
    {
        _registers.Write(E1000Registers.InterruptMaskClear, 0xFFFF_FFFF);
        _registers.Write(E1000Registers.Control, _registers.Read(E1000Registers.Control) | E1000Registers.ControlReset);
        int polls = 0;
        while ((_registers.Read(E1000Registers.Control) & E1000Registers.ControlReset) != 0)
        {
            if (++polls == ResetPolls)
                return false;
        }
        // Reset unmasks nothing, but a cause may already be latched.
        _registers.Write(E1000Registers.InterruptMaskClear, 0xFFFF_FFFF);
        _ = _registers.Read(E1000Registers.InterruptCause);
        uint control = _registers.Read(E1000Registers.Control);
        control |= E1000Registers.ControlSetLinkUp;
        control &= ~(E1000Registers.ControlLinkReset | E1000Registers.ControlPhyReset | E1000Registers.ControlVlanMode);
        _registers.Write(E1000Registers.Control, control);
        return true;
    }

    private bool ReadAddress()
    {
        if (!StationAddress.TryRead(_registers, Chip, out MacAddress mac))
            return false;
        Mac = mac;
        return true;
    }

    private void ClearMulticastTable()
    {
        for (int i = 0; i < E1000Registers.MulticastTableEntries; i++)
            _registers.Write(E1000Registers.MulticastTable + i * 4, 0);
    }

    private void StartReceive()
    {
        DescriptorRing ring = _rx.Descriptors;
        _registers.Write(E1000Registers.ReceiveBaseLow, (uint)ring.Address);
        _registers.Write(E1000Registers.ReceiveBaseHigh, (uint)(ring.Address >> 32));
        _registers.Write(E1000Registers.ReceiveLength, (uint)ring.Bytes);
        _registers.Write(E1000Registers.ReceiveHead, 0);
        _registers.Write(E1000Registers.ReceiveTail, 0);
        _registers.Write(E1000Registers.ReceiveDelayTimer, 0);
        _registers.Write(E1000Registers.ReceiveControl, E1000Registers.ReceiveEnable | E1000Registers.ReceiveBroadcastAccept | E1000Registers.ReceiveStripCrc);
        Refill();
    }

    private void StartTransmit()
    {
        DescriptorRing ring = _tx.Descriptors;
        _registers.Write(E1000Registers.TransmitBaseLow, (uint)ring.Address);
        _registers.Write(E1000Registers.TransmitBaseHigh, (uint)(ring.Address >> 32));
        _registers.Write(E1000Registers.TransmitLength, (uint)ring.Bytes);
        _registers.Write(E1000Registers.TransmitHead, 0);
        _registers.Write(E1000Registers.TransmitTail, 0);
        _registers.Write(E1000Registers.TransmitInterPacketGap, E1000Registers.InterPacketGapCopper);
        _registers.Write(E1000Registers.TransmitControl, E1000Registers.TransmitEnable | E1000Registers.TransmitPadShort
            | E1000Registers.TransmitCollisionThreshold | E1000Registers.TransmitCollisionDistanceFullDuplex);
    }
}
