using System;

namespace Uk.Net;

public enum ReassemblyResult
{
    Queued,
    Complete,
    Dropped,
}

// Puts fragmented datagrams back together in a fixed number of slots, each with a buffer
// allocated on its first use. Fragments that overlap, disagree about the datagram's end, or
// exceed the size or count limits discard the whole datagram (RFC 5722's rule, applied to
// IPv4: overlaps are only ever an attack or a bug). Unfinished datagrams expire.
public sealed class Reassembler
{
    private struct Slot
    {
        public bool InUse;
        public IPv4Address Source;
        public IPv4Address Destination;
        public ushort Identification;
        public byte Protocol;
        public int TotalLength;      // payload bytes; -1 until the last fragment arrives
        public int Received;
        public int Fragments;
        public long Deadline;
    }

    private readonly NetStackOptions _options;
    private readonly Slot[] _slots;
    private readonly byte[]?[] _buffers;
    private readonly int[][] _starts;
    private readonly int[][] _ends;

    public Reassembler(NetStackOptions options)
    {
        _options = options;
        int count = options.ReassemblySlots < 0 ? 0 : options.ReassemblySlots;
        int fragments = options.ReassemblyMaxFragments < 1 ? 1 : options.ReassemblyMaxFragments;
        _slots = new Slot[count];
        _buffers = new byte[]?[count];
        _starts = new int[count][];
        _ends = new int[count][];
        for (int i = 0; i < count; i++)
        {
            _starts[i] = new int[fragments];
            _ends[i] = new int[fragments];
        }
    }

    public int InFlight
    {
        get
        {
            int n = 0;
            for (int i = 0; i < _slots.Length; i++)
                if (_slots[i].InUse)
                    n++;
            return n;
        }
    }

    public long NextDeadline
    {
        get
        {
            long next = long.MaxValue;
            for (int i = 0; i < _slots.Length; i++)
                if (_slots[i].InUse && _slots[i].Deadline < next)
                    next = _slots[i].Deadline;
            return next;
        }
    }

    // Adds one fragment's payload. Complete: datagram holds the whole payload (valid until
    // the next Add). Dropped: drop names the counter.
    public ReassemblyResult Add(in Ipv4Header header, ReadOnlySpan<byte> payload, long now, out ReadOnlySpan<byte> datagram, out NetCounter drop)
    {
        datagram = default;
        drop = NetCounter.DropFragmentInconsistent;
        int start = header.FragmentOffset;
        int end = start + payload.Length;
        int index = Find(header);
        if (header.MoreFragments && (payload.Length == 0 || (payload.Length & 7) != 0))
            return DropSlot(index, NetCounter.DropFragmentInconsistent, out drop);
        if (end > _options.ReassemblyMaxBytes)
            return DropSlot(index, NetCounter.DropFragmentTooBig, out drop);
        if (index < 0)
        {
            index = FreeSlot();
            if (index < 0)
            {
                drop = NetCounter.DropFragmentNoSlot;
                return ReassemblyResult.Dropped;
            }
            ref Slot fresh = ref _slots[index];
            fresh.InUse = true;
            fresh.Source = header.Source;
            fresh.Destination = header.Destination;
            fresh.Identification = header.Identification;
            fresh.Protocol = header.Protocol;
            fresh.TotalLength = -1;
            fresh.Received = 0;
            fresh.Fragments = 0;
            fresh.Deadline = now + _options.ReassemblyTimeout;
            _buffers[index] ??= new byte[_options.ReassemblyMaxBytes];
        }
        ref Slot slot = ref _slots[index];
        int[] starts = _starts[index];
        int[] ends = _ends[index];
        for (int i = 0; i < slot.Fragments; i++)
            if (start < ends[i] && end > starts[i])
                return DropSlot(index, NetCounter.DropFragmentOverlap, out drop);
        if (!header.MoreFragments)
        {
            if (slot.TotalLength >= 0 && slot.TotalLength != end)
                return DropSlot(index, NetCounter.DropFragmentInconsistent, out drop);
            for (int i = 0; i < slot.Fragments; i++)
                if (ends[i] > end)
                    return DropSlot(index, NetCounter.DropFragmentInconsistent, out drop);
            slot.TotalLength = end;
        }
        else if (slot.TotalLength >= 0 && end > slot.TotalLength)
            return DropSlot(index, NetCounter.DropFragmentInconsistent, out drop);
        if (slot.Fragments == starts.Length)
            return DropSlot(index, NetCounter.DropFragmentLimit, out drop);
        starts[slot.Fragments] = start;
        ends[slot.Fragments] = end;
        slot.Fragments++;
        slot.Received += payload.Length;
        payload.CopyTo(new Span<byte>(_buffers[index], start, payload.Length));
        if (slot.TotalLength < 0 || slot.Received != slot.TotalLength)
            return ReassemblyResult.Queued;
        // No overlaps and every byte below the end accounted for: the datagram is whole.
        datagram = new ReadOnlySpan<byte>(_buffers[index], 0, slot.TotalLength);
        slot.InUse = false;
        return ReassemblyResult.Complete;
    }

    // Frees datagrams whose time ran out; returns how many.
    public int Expire(long now)
    {
        int n = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && _slots[i].Deadline <= now)
            {
                _slots[i].InUse = false;
                n++;
            }
        }
        return n;
    }

    private int Find(in Ipv4Header header)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot s = ref _slots[i];
            if (s.InUse && s.Identification == header.Identification && s.Source == header.Source
                && s.Destination == header.Destination && s.Protocol == header.Protocol)
                return i;
        }
        return -1;
    }

    private int FreeSlot()
    {
        for (int i = 0; i < _slots.Length; i++)
            if (!_slots[i].InUse)
                return i;
        return -1;
    }

    private ReassemblyResult DropSlot(int index, NetCounter reason, out NetCounter drop)
    {
        if (index >= 0)
            _slots[index].InUse = false;
        drop = reason;
        return ReassemblyResult.Dropped;
    }
}
