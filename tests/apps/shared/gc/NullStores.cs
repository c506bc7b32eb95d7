using System;
using Uk.Gc;
using SchedTests;

namespace GcTests;

// A buffer pool like the network drivers': items are rented from a pool array (the slot is
// cleared with `slot = null`, a store ILC emits without a write barrier), parked in an
// in-flight array and given back later, while incremental marking is under way. The only
// reference to a rented item moves from a pool slot the marker may not have traced yet into an
// in-flight array it will not trace (allocated during marking, so born marked), and the
// snapshot barrier never saw the pool slot cleared: without the insertion half of the barrier
// the item is freed while in use (apps/httpserver lost its NetStack and virtio buffers so).
internal static class NullStores
{
    private const int PoolSize = 2000;
    private const int InFlight = 64;

    private sealed class Item
    {
        public Item(int value)
        {
            Value = value;
            Text = "item-" + value.ToString();
        }

        public readonly int Value;
        public readonly string Text;
        public byte[]? Payload;
    }

    public static void Run(int rounds)
    {
        int collectionsBefore = GC.CollectionCount(0);
        var pool = new Item?[PoolSize];
        for (int i = 0; i < PoolSize; i++)
            pool[i] = new Item(i);
        int available = PoolSize;
        var inFlight = new Item?[InFlight];
        uint random = 2463534242;
        long movedWhileMarking = 0;
        int damaged = 0;

        for (int round = 0; round < rounds; round++)
        {
            // A new in-flight array each round: while marking it is born marked and never
            // traced, so what is stored in it is kept only if the barrier shades it.
            var next = new Item?[InFlight];
            for (int slot = 0; slot < InFlight; slot++)
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                // Rent the top item and clear its slot: the only write that removes it from the
                // pool stores null, which has no barrier.
                available--;
                Item rented = pool[available]!;
                pool[available] = null;
                // Give back what the slot held, clearing the old array's slot the same way.
                Item? done = inFlight[slot];
                if (done is not null)
                {
                    if (done.Value < 0 || done.Text != "item-" + done.Value.ToString())
                        damaged++;
                    inFlight[slot] = null;
                    done.Payload = null;
                    pool[available++] = done;
                }
                if (ManagedHeap.InCollection)
                    movedWhileMarking++;
                rented.Payload = new byte[128 + (int)(random >> 24)];
                next[slot] = rented;
                // Garbage of the items' own size: a wrongly freed item's cell is soon reused.
                new Item(-1 - slot).Payload = rented.Payload;
            }
            inFlight = next;
        }

        bool[] seen = new bool[PoolSize];
        int count = 0;
        foreach (Item? item in pool)
            count += CheckItem(item, seen, ref damaged);
        foreach (Item? item in inFlight)
            count += CheckItem(item, seen, ref damaged);
        int collections = GC.CollectionCount(0) - collectionsBefore;
        Report.Check(count == PoolSize && damaged == 0,
            "nullstores: " + count.ToString() + " of " + PoolSize.ToString() + " items intact, " + damaged.ToString() + " damaged");
        Report.Check(movedWhileMarking >= 1000 && collections >= 5,
            "nullstores: " + movedWhileMarking.ToString() + " rentals while marking, over " + collections.ToString() + " collections");
    }

    private static int CheckItem(Item? item, bool[] seen, ref int damaged)
    {
        if (item is null)
            return 0;
        if (item.Value < 0 || item.Value >= PoolSize || seen[item.Value] || item.Text != "item-" + item.Value.ToString())
        {
            damaged++;
            return 0;
        }
        seen[item.Value] = true;
        return 1;
    }
}
