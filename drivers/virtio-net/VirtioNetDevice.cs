using System;
using Uk.Core;
using Uk.Drivers.Pci;
using Uk.Drivers.Virtio;
using Uk.NetDev;

namespace Uk.Drivers.VirtioNet;

// A virtio-net function as an INetDevice: queue 0 receives, queue 1 transmits.
//
// Receive: every descriptor of the receive ring is one pooled buffer (header and frame
// land in it); Receive takes used buffers, assembles frames (ReceiveAssembler) and tops
// the ring up from the pool, so buffers the consumer releases go back to the device. The
// interrupt handler only turns further receive interrupts off and calls Notify; Receive
// turns them on again when it finds the ring drained, then looks once more (NAPI-style).
//
// Transmit: the header goes into the buffer's headroom, one descriptor per frame (two on a
// legacy device without ANY_LAYOUT). Completions are reclaimed on the next Transmit or
// Receive; the transmit interrupt is wanted only after the ring was found full, so the
// sender learns through Notify that space came back.
//
// Every ring operation runs with interrupts off: one CPU, and the handler shares the rings.
public sealed unsafe class VirtioNetDevice : INetDevice
{
    private const int ReceiveQueueIndex = 0;
    private const int TransmitQueueIndex = 1;
    private const int ConfigMac = 0;
    private const int ConfigStatus = 6;
    private const int ConfigMtu = 10;
    private const int StatusLinkUp = 1;
    private const int MergeBuffers = 16;

    private readonly IVirtioTransport _transport;
    private readonly SplitQueue _rx;
    private readonly SplitQueue _tx;
    private readonly ulong _features;
    private readonly int _headerLength;
    private readonly bool _headerInline;
    private readonly bool _transmitChecksum;
    private readonly NetBufferPool _rxPool;
    private readonly NetBuffer?[] _rxInFlight;
    private readonly NetBuffer?[] _txInFlight;
    private readonly ReceiveAssembler _assembler;
    private readonly int _refillBatch;
    private bool _rxInterruptsOff;
    private bool _txInterruptWanted;

    public VirtioNetDevice(string name, IVirtioTransport transport, SplitQueue rx, SplitQueue tx, ulong features)
    {
        Name = name;
        _transport = transport;
        _rx = rx;
        _tx = tx;
        _features = features;
        _headerLength = VirtioNetFeatures.HeaderLength(features);
        _headerInline = VirtioNetFeatures.HeaderMaySharePlacement(features);
        _transmitChecksum = (features & VirtioNetFeatures.Checksum) != 0;

        Mac = (features & VirtioNetFeatures.Mac) != 0 ? ReadMac() : new MacAddress(0x02_00_00_00_00_00UL + (uint)(NetDevices.Count + 1));
        int mtu = 1500;
        if ((features & VirtioNetFeatures.Mtu) != 0)
        {
            int reported = ReadConfig16(ConfigMtu);
            if (reported >= 68 && reported <= 65535 - 18)
                mtu = reported;
        }
        Mtu = mtu;
        NetOffloads offloads = NetOffloads.None;
        if (_transmitChecksum)
            offloads |= NetOffloads.TransmitChecksum;
        if ((features & VirtioNetFeatures.GuestChecksum) != 0)
            offloads |= NetOffloads.ReceiveChecksum;
        bool mergeable = (features & VirtioNetFeatures.MergeableReceiveBuffers) != 0;
        if (mergeable)
            offloads |= NetOffloads.MergeableReceiveBuffers;
        Offloads = offloads;

        // Without mergeable buffers the device needs room for a whole frame in each one.
        int bufferSize = Math.Max(VirtioNetOptions.RxBufferSize, _headerLength + (mergeable ? 64 : MaximumFrame));
        _rxPool = new NetBufferPool(Math.Max(VirtioNetOptions.RxBuffers, rx.Size), bufferSize, 0);
        NetBufferPool? mergePool = mergeable ? new NetBufferPool(MergeBuffers, MaximumFrame, 0) : null;
        _assembler = new ReceiveAssembler(mergePool, _headerLength, Statistics);
        TransmitPool = new NetBufferPool(Math.Max(VirtioNetOptions.TxBuffers, tx.Size + 32), _headerLength + MaximumFrame, _headerLength);
        _rxInFlight = new NetBuffer?[rx.Size];
        _txInFlight = new NetBuffer?[tx.Size];
        _refillBatch = Math.Max(1, rx.Size / 8);
    }

    public string Name { get; }

    public MacAddress Mac { get; }

    public int Mtu { get; }

    // Ethernet header, payload and a VLAN tag.
    public int MaximumFrame => 14 + Mtu + 4;

    public bool LinkUp => (_features & VirtioNetFeatures.Status) == 0 || (ReadConfig16(ConfigStatus) & StatusLinkUp) != 0;

    public NetOffloads Offloads { get; }

    public NetDeviceStatistics Statistics { get; } = new NetDeviceStatistics();

    public NetBufferPool TransmitPool { get; }

    public Action? Notify { get; set; }

    public ulong Features => _features;

    public string TransportName => _transport.Name;

    public int ReceiveRingSize => _rx.Size;

    public int TransmitRingSize => _tx.Size;

    public int ReceiveBufferSize => _rxPool.BufferCapacity;

    public ulong MergedFrames => _assembler.Merged;

    // Received frames whose partial checksum (NEEDS_CSUM) the driver finished.
    public ulong ChecksumsCompleted { get; private set; }

    // Interrupts taken; polled devices never count.
    public ulong InterruptCount => Statistics.Interrupts;

    // Completions the rings refused (ids never submitted, lengths beyond the buffer).
    public ulong RejectedCompletions => _rx.RejectedEntries + _rx.RejectedLengths + _tx.RejectedEntries + _tx.RejectedLengths;

    public bool UsesInterrupts { get; set; }

    // Fills the receive ring before DRIVER_OK; Kick tells the device afterwards.
    public void Prime()
    {
        ulong flags = Interrupts.Disable();
        Refill(force: true);
        if (!UsesInterrupts)
        {
            _rx.SuppressInterrupts(true);
            _rxInterruptsOff = true;
        }
        _tx.SuppressInterrupts(true);
        Interrupts.Restore(flags);
    }

    public void Kick()
    {
        _transport.Notify(ReceiveQueueIndex);
    }

    public bool Transmit(NetBuffer frame)
    {
        int length = frame.Length;
        if (length < ReceiveAssembler.EthernetHeaderLength || length > MaximumFrame || frame.Offset < 0 || frame.Offset + length > frame.Data.Length)
        {
            // Not a frame the device could send: dropped (and owned) here, so no caller retries it.
            Statistics.TransmitErrors++;
            frame.Release();
            return true;
        }
        if (frame.Offset < _headerLength)
        {
            if (_headerLength + length > frame.Data.Length)
            {
                Statistics.TransmitErrors++;
                frame.Release();
                return true;
            }
            Array.Copy(frame.Data, frame.Offset, frame.Data, _headerLength, length);
            frame.Offset = _headerLength;
        }
        int checksumStart = frame.ChecksumStart;
        if (checksumStart >= 0 && !_transmitChecksum)
        {
            PartialChecksum.Complete(frame.Span, checksumStart, frame.ChecksumOffset);
            checksumStart = -1;
        }
        else if (checksumStart >= 0 && (checksumStart > length || frame.ChecksumOffset < 0 || checksumStart + frame.ChecksumOffset + 2 > length))
            checksumStart = -1;
        int headerAt = frame.Offset - _headerLength;
        VirtioNetHeader.WriteTransmit(new Span<byte>(frame.Data, headerAt, _headerLength), _headerLength, checksumStart, frame.ChecksumOffset);

        ulong flags = Interrupts.Disable();
        ReclaimTransmitted();
        int head = SubmitTransmit(frame, headerAt, length);
        if (head < 0 && UsesInterrupts)
        {
            // Tell the sender (Notify) when the device hands buffers back. Completions that
            // came in before the device saw this raise no interrupt: look once more.
            if (!_txInterruptWanted)
            {
                _txInterruptWanted = true;
                _tx.SuppressInterrupts(false);
            }
            if (_tx.HasUsed)
            {
                ReclaimTransmitted();
                head = SubmitTransmit(frame, headerAt, length);
                if (head >= 0)
                {
                    _txInterruptWanted = false;
                    _tx.SuppressInterrupts(true);
                }
            }
        }
        if (head < 0)
        {
            Statistics.TransmitBusy++;
            Interrupts.Restore(flags);
            return false;
        }
        _txInFlight[head] = frame;
        Statistics.FramesTransmitted++;
        Statistics.BytesTransmitted += (ulong)length;
        bool notify = _tx.ShouldNotify();
        Interrupts.Restore(flags);
        if (notify)
            _transport.Notify(TransmitQueueIndex);
        return true;
    }

    public NetBuffer? Receive()
    {
        ulong flags = Interrupts.Disable();
        ReclaimTransmitted();
        while (true)
        {
            UsedResult taken = _rx.TryTakeUsed(out ushort head, out uint written);
            if (taken == UsedResult.Empty)
            {
                if (UsesInterrupts && _rxInterruptsOff)
                {
                    _rxInterruptsOff = false;
                    _rx.SuppressInterrupts(false);
                    // A frame that arrived before the device saw the change raised no interrupt.
                    if (_rx.HasUsed)
                    {
                        _rxInterruptsOff = true;
                        _rx.SuppressInterrupts(true);
                        continue;
                    }
                }
                Refill(force: true);
                Interrupts.Restore(flags);
                return null;
            }
            NetBuffer? piece = _rxInFlight[head];
            _rxInFlight[head] = null;
            if (piece is null)
            {
                Statistics.ReceiveErrors++;
                continue;
            }
            if (taken == UsedResult.BadLength)
            {
                piece.Release();
                _assembler.Abandon();
                Statistics.ReceiveErrors++;
                continue;
            }
            AssemblyStep step = _assembler.Add(piece, (int)written, out NetBuffer? frame);
            if (step != AssemblyStep.Frame)
                continue;
            NetBuffer ready = frame!;
            VirtioNetHeader header = _assembler.Header;
            if (header.NeedsChecksum)
            {
                // A partial checksum (from the host or another guest): finish it here.
                ready.ChecksumVerified = PartialChecksum.Complete(ready.Span, header.ChecksumStart, header.ChecksumOffset);
                ChecksumsCompleted++;
            }
            else
                ready.ChecksumVerified = header.DataValid;
            Statistics.FramesReceived++;
            Statistics.BytesReceived += (ulong)ready.Length;
            Refill(force: false);
            Interrupts.Restore(flags);
            return ready;
        }
    }

    // MSI-X entry 0: the receive queue.
    public void OnReceiveMessage()
    {
        Statistics.Interrupts++;
        _rxInterruptsOff = true;
        _rx.SuppressInterrupts(true);
        Notify?.Invoke();
    }

    // MSI-X entry 1: transmit buffers came back after the ring was full.
    public void OnTransmitMessage()
    {
        Statistics.Interrupts++;
        _txInterruptWanted = false;
        _tx.SuppressInterrupts(true);
        Notify?.Invoke();
    }

    // INTx, possibly shared: reading the ISR acknowledges; zero means another device.
    public void OnInterrupt()
    {
        byte status = _transport.ReadInterruptStatus();
        if (status == 0)
            return;
        Statistics.Interrupts++;
        if (_rx.HasUsed)
        {
            _rxInterruptsOff = true;
            _rx.SuppressInterrupts(true);
        }
        if (_txInterruptWanted && _tx.HasUsed)
        {
            _txInterruptWanted = false;
            _tx.SuppressInterrupts(true);
        }
        // Bit 1 (a configuration change: link status) needs nothing: LinkUp reads it live.
        Notify?.Invoke();
    }

    // One descriptor for header and frame, or two where the header must stand alone; the
    // head id, or -1 when the ring is full.
    private int SubmitTransmit(NetBuffer frame, int headerAt, int length)
    {
        fixed (byte* data = frame.Data)
        {
            // The heap does not move objects: the address stays valid until the device is done.
            ulong address = (ulong)(data + headerAt);
            Span<VirtqBuffer> chain = stackalloc VirtqBuffer[2];
            if (_headerInline)
            {
                chain[0] = new VirtqBuffer(address, (uint)(_headerLength + length), false);
                return _tx.Submit(chain.Slice(0, 1));
            }
            chain[0] = new VirtqBuffer(address, (uint)_headerLength, false);
            chain[1] = new VirtqBuffer(address + (ulong)_headerLength, (uint)length, false);
            return _tx.Submit(chain);
        }
    }

    // Puts free pool buffers on the receive ring; unless forced, only once a batch is free,
    // so the device is told once per batch rather than once per frame.
    private void Refill(bool force)
    {
        if (_rx.FreeDescriptors == 0 || !force && _rx.FreeDescriptors < _refillBatch)
            return;
        bool submitted = false;
        Span<VirtqBuffer> chain = stackalloc VirtqBuffer[2];
        while (_rx.FreeDescriptors >= (_headerInline ? 1 : 2))
        {
            NetBuffer? buffer = _rxPool.Rent();
            if (buffer is null)
                break;
            int head;
            fixed (byte* data = buffer.Data)
            {
                ulong address = (ulong)data;
                if (_headerInline)
                {
                    chain[0] = new VirtqBuffer(address, (uint)buffer.Data.Length, true);
                    head = _rx.Submit(chain.Slice(0, 1));
                }
                else
                {
                    chain[0] = new VirtqBuffer(address, (uint)_headerLength, true);
                    chain[1] = new VirtqBuffer(address + (ulong)_headerLength, (uint)(buffer.Data.Length - _headerLength), true);
                    head = _rx.Submit(chain);
                }
            }
            if (head < 0)
            {
                buffer.Release();
                break;
            }
            _rxInFlight[head] = buffer;
            submitted = true;
        }
        if (submitted && _rx.ShouldNotify())
            _transport.Notify(ReceiveQueueIndex);
    }

    private void ReclaimTransmitted()
    {
        while (_tx.TryTakeUsed(out ushort head, out _) != UsedResult.Empty)
        {
            NetBuffer? sent = _txInFlight[head];
            _txInFlight[head] = null;
            sent?.Release();
        }
    }

    private MacAddress ReadMac()
    {
        ulong value = 0;
        for (int i = 0; i < 6; i++)
            value = value << 8 | _transport.ReadConfig8(ConfigMac + i);
        return new MacAddress(value);
    }

    private int ReadConfig16(int offset) => _transport.ReadConfig8(offset) | _transport.ReadConfig8(offset + 1) << 8;
}
