using Uk.Drivers.Xhci;

namespace Unikraft.Xhci.Tests;

public sealed unsafe class RingTests
{
    [Fact]
    public void TrbsCarryTheProducerCycleAndTheLastSlotLinksBackWithToggleCycle()
    {
        ProducerRing ring = ProducerRing.Allocate(4)!;
        Assert.True(ring.CycleState);
        ulong first = ring.Enqueue(0x1122334455667788, 8, Trb.TypeBits(Trb.Normal) | Trb.InterruptOnCompletion);
        Assert.Equal(ring.Address, first);
        Trb trb = ring.Read(0);
        Assert.Equal(0x1122334455667788UL, trb.Parameter);
        Assert.Equal(8u, trb.Status);
        Assert.Equal(Trb.Normal, trb.Type);
        Assert.True(trb.CycleBit);
        Assert.NotEqual(0u, trb.Control & Trb.InterruptOnCompletion);

        ring.Enqueue(0, 0, Trb.TypeBits(Trb.NoOp));
        Assert.Equal(0, ring.Read(3).Type);
        ulong third = ring.Enqueue(0, 0, Trb.TypeBits(Trb.NoOp) | Trb.Cycle);
        Assert.Equal(ring.Address + 2 * Trb.Bytes, third);

        Trb link = ring.Read(3);
        Assert.Equal(Trb.Link, link.Type);
        Assert.Equal(ring.Address, link.Parameter);
        Assert.NotEqual(0u, link.Control & Trb.ToggleCycle);
        Assert.True(link.CycleBit);
        Assert.False(ring.CycleState);

        // The second pass writes cycle 0, which the controller now owns; a caller's cycle bit is overridden.
        ulong again = ring.Enqueue(0, 0, Trb.TypeBits(Trb.NoOp) | Trb.Cycle);
        Assert.Equal(ring.Address, again);
        Assert.False(ring.Read(0).CycleBit);
        Assert.True(ring.Read(1).CycleBit);

        ring.Enqueue(0, 0, Trb.TypeBits(Trb.NoOp));
        ring.Enqueue(0, 0, Trb.TypeBits(Trb.NoOp));
        Assert.False(ring.Read(3).CycleBit);
        Assert.True(ring.CycleState);
    }

    [Fact]
    public void EventsAreTakenWhileTheirCycleMatchesAndTheCycleFlipsAtTheWrap()
    {
        EventRing events = EventRing.Allocate(3)!;
        byte* segment = (byte*)events.SegmentAddress;
        byte* table = (byte*)events.TableAddress;
        Assert.Equal(events.SegmentAddress, *(ulong*)table);
        Assert.Equal(3u, *(uint*)(table + 8));

        Assert.False(events.TryTake(out _));
        Post(segment, 0, 0xA0, true);
        Post(segment, 1, 0xA1, true);
        Assert.True(events.TryTake(out Trb first));
        Assert.Equal(0xA0UL, first.Parameter);
        Assert.Equal(Trb.CommandCompletionEvent, first.Type);
        Assert.Equal(Trb.Success, first.CompletionCode);
        Assert.Equal(7, first.SlotId);
        Assert.True(events.TryTake(out Trb second));
        Assert.Equal(0xA1UL, second.Parameter);
        Assert.Equal(events.SegmentAddress + 2 * Trb.Bytes, events.DequeueAddress);
        Assert.False(events.TryTake(out _));

        Post(segment, 2, 0xA2, true);
        Assert.True(events.TryTake(out _));
        Assert.Equal(events.SegmentAddress, events.DequeueAddress);
        // Slot 0 still holds the first pass's event, cycle 1: old, now that the state is 0.
        Assert.False(events.TryTake(out _));
        Post(segment, 0, 0xB0, false);
        Assert.True(events.TryTake(out Trb wrapped));
        Assert.Equal(0xB0UL, wrapped.Parameter);
    }

    private static void Post(byte* segment, int index, ulong parameter, bool cycle)
    {
        byte* slot = segment + index * Trb.Bytes;
        *(ulong*)slot = parameter;
        *(uint*)(slot + 8) = (uint)Trb.Success << 24;
        *(uint*)(slot + 12) = Trb.TypeBits(Trb.CommandCompletionEvent) | 7u << Trb.SlotShift | (cycle ? Trb.Cycle : 0);
    }
}
