using Uk.Drivers.Virtio;

namespace Unikraft.Virtio.Tests;

// The driver side of the split virtqueue against a simulated device.
public sealed unsafe class SplitQueueTests
{
    private static VirtqBuffer Out(ulong address, uint length) => new(address, length, false);

    private static VirtqBuffer In(ulong address, uint length) => new(address, length, true);

    [Fact]
    public void AChainReachesTheDeviceWithItsBuffersFlagsAndLinks()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);

        int head = queue.Submit([Out(0x1000, 16), In(0x2000, 512), In(0x3000, 1)]);

        Assert.True(head >= 0);
        Assert.Equal(5, queue.FreeDescriptors);
        var chain = Assert.Single(device.PopAll());
        Assert.Equal(head, chain.Head);
        Assert.Equal([0x1000UL, 0x2000UL, 0x3000UL], chain.Descriptors.Select(d => d.Address));
        Assert.Equal([16u, 512u, 1u], chain.Descriptors.Select(d => d.Length));
        Assert.Equal([false, true, true], chain.Descriptors.Select(d => d.Writable));
        Assert.Equal([true, true, false], chain.Descriptors.Select(d => d.HasNext));
        Assert.Equal(3, chain.Descriptors.Select(d => d.Index).Distinct().Count());
    }

    [Fact]
    public void ACompletionReturnsTheHeadAndLengthAndFreesTheDescriptors()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        int head = queue.Submit([Out(0x1000, 16), In(0x2000, 512), In(0x3000, 1)]);
        var chain = device.PopAll()[0];

        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
        device.Complete(chain.Head, 513);

        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out ushort taken, out uint length));
        Assert.Equal(head, taken);
        Assert.Equal(513u, length);
        Assert.Equal(8, queue.FreeDescriptors);
        Assert.Equal(0, queue.InFlight);
        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
    }

    [Fact]
    public void AFullRingRefusesAChainWithoutTouchingTheAvailableRing()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        Assert.True(queue.Submit([Out(1, 1), In(2, 1), In(3, 1)]) >= 0);
        Assert.True(queue.Submit([Out(1, 1), In(2, 1), In(3, 1)]) >= 0);
        ushort published = device.AvailableIndex;

        Assert.Equal(-1, queue.Submit([Out(1, 1), In(2, 1), In(3, 1)]));
        Assert.Equal(published, device.AvailableIndex);
        Assert.Equal(2, queue.FreeDescriptors);
        Assert.True(queue.Submit([Out(1, 1), In(2, 1)]) >= 0);
        Assert.Equal(0, queue.FreeDescriptors);
        Assert.Equal(-1, queue.Submit([In(4, 1)]));
        Assert.Equal(-1, queue.Submit(ReadOnlySpan<VirtqBuffer>.Empty));

        var chains = device.PopAll();
        Assert.Equal(3, chains.Count);
        Assert.Equal(8, chains.SelectMany(c => c.Descriptors).Select(d => d.Index).Distinct().Count());
        device.Complete(chains[1].Head, 2);
        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out _, out _));
        Assert.Equal(3, queue.FreeDescriptors);
        Assert.True(queue.Submit([Out(1, 1), In(2, 1), In(3, 1)]) >= 0);
    }

    // Many more requests than the ring has entries, and more than 65536 so the 16-bit
    // indices wrap too; chains of random length complete in random order.
    [Fact]
    public void IndicesWrapAroundAndOutOfOrderCompletionsKeepTheFreeListWhole()
    {
        const ushort size = 16;
        using var memory = new RingMemory(size);
        var queue = new SplitQueue(memory.Base, size, eventIndex: true);
        var device = new SimulatedDevice(memory);
        var random = new Random(5);
        var outstanding = new List<SimulatedDevice.Chain>();
        var expected = new Dictionary<int, uint>();
        int completed = 0;
        for (int step = 0; completed < 70000; step++)
        {
            int length = random.Next(1, 5);
            var buffers = Enumerable.Range(0, length).Select(i => new VirtqBuffer((ulong)(step * 8 + i), (uint)(i + 1), i > 0)).ToArray();
            int head = queue.Submit(buffers);
            if (head >= 0)
            {
                expected[head] = (uint)buffers.Where(b => b.DeviceWritable).Sum(b => b.Length);
                outstanding.AddRange(device.PopAll());
            }
            if (head < 0 || random.Next(3) == 0)
            {
                int pick = random.Next(outstanding.Count);
                var chain = outstanding[pick];
                outstanding.RemoveAt(pick);
                Assert.Equal(expected[chain.Head], chain.WritableBytes);
                device.Complete(chain.Head, chain.WritableBytes);
                Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out ushort taken, out uint written));
                Assert.Equal(chain.Head, taken);
                Assert.Equal(chain.WritableBytes, written);
                completed++;
            }
            Assert.Equal(size - outstanding.Sum(c => c.Descriptors.Length), queue.FreeDescriptors);
        }
        Assert.True(completed > 65536, "the used index wrapped");
        Assert.Equal(0UL, queue.RejectedEntries + queue.RejectedLengths);
    }

    [Fact]
    public void AnIdOutsideTheRingIsRejectedAndCounted()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        int head = queue.Submit([Out(1, 16), In(2, 1)]);
        device.PopAll();

        device.Complete(8, 1);
        device.Complete(0xFFFFFFFF, 1);
        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
        Assert.Equal(2UL, queue.RejectedEntries);
        Assert.Equal(1, queue.InFlight);

        device.Complete((uint)head, 1);
        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out ushort taken, out _));
        Assert.Equal(head, taken);
    }

    [Fact]
    public void AnIdThatIsNotInFlightIsRejected()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        int head = queue.Submit([Out(1, 16), In(2, 4), In(3, 1)]);
        var chain = device.PopAll()[0];
        ushort middle = chain.Descriptors[1].Index;
        int other = queue.Submit([In(9, 1)]);

        // Not a head, then the right head twice: only the first completion counts.
        device.Complete(middle, 1);
        device.Complete((uint)head, 5);
        device.Complete((uint)head, 5);
        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out ushort taken, out _));
        Assert.Equal(head, taken);
        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
        Assert.Equal(2UL, queue.RejectedEntries);
        Assert.Equal(1, queue.InFlight);
        Assert.True(other >= 0);
    }

    [Fact]
    public void ALengthLargerThanTheWritableBuffersFailsTheRequestAndFreesIt()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        int head = queue.Submit([Out(1, 16), In(2, 512), In(3, 1)]);
        device.PopAll();

        device.Complete((uint)head, 514);

        Assert.Equal(UsedResult.BadLength, queue.TryTakeUsed(out ushort taken, out uint length));
        Assert.Equal(head, taken);
        Assert.Equal(0u, length);
        Assert.Equal(1UL, queue.RejectedLengths);
        Assert.Equal(8, queue.FreeDescriptors);
    }

    [Fact]
    public void AUsedIndexRunningAheadOfTheSubmittedChainsIsNotFollowed()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        queue.Submit([In(1, 1)]);
        device.PopAll();

        device.JumpUsedIndex(200);

        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
        Assert.Equal(UsedResult.Empty, queue.TryTakeUsed(out _, out _));
        Assert.True(queue.RejectedEntries >= 1);
        Assert.Equal(1, queue.InFlight);
    }

    // What the driver needs is kept on its side: a device overwriting the descriptor table
    // cannot corrupt the free list or make later chains overlap.
    [Fact]
    public void ScribbledDescriptorsDoNotCorruptTheFreeList()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);
        int a = queue.Submit([Out(1, 1), In(2, 1), In(3, 1)]);
        int b = queue.Submit([Out(4, 1), In(5, 1)]);
        device.PopAll();
        device.ScribbleDescriptorTable(0xFF);
        device.Complete((uint)b, 1);
        device.Complete((uint)a, 2);
        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out _, out _));
        Assert.Equal(UsedResult.Completed, queue.TryTakeUsed(out _, out _));
        Assert.Equal(8, queue.FreeDescriptors);

        for (int i = 0; i < 4; i++)
            Assert.True(queue.Submit([Out(1, 1), In(2, 1)]) >= 0);
        var chains = device.PopAll();
        Assert.Equal(8, chains.SelectMany(c => c.Descriptors).Select(d => d.Index).Distinct().Count());
    }

    [Fact]
    public void WithEventIndicesTheDriverNotifiesOnlyWhenTheDeviceAskedForThatIndex()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: true);
        var device = new SimulatedDevice(memory);

        // The device wants to hear about the first chain (avail_event 0).
        queue.Submit([In(1, 1)]);
        Assert.True(queue.ShouldNotify());
        Assert.False(queue.ShouldNotify());

        // It asks to be told only once index 3 is published (the 4th chain).
        device.SetAvailableEvent(3);
        queue.Submit([In(1, 1)]);
        Assert.False(queue.ShouldNotify());
        queue.Submit([In(1, 1)]);
        queue.Submit([In(1, 1)]);
        Assert.True(queue.ShouldNotify());
    }

    [Fact]
    public void WithoutEventIndicesTheNoNotifyFlagIsHonoured()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: false);
        var device = new SimulatedDevice(memory);

        device.SetNoNotify(true);
        queue.Submit([In(1, 1)]);
        Assert.False(queue.ShouldNotify());
        device.SetNoNotify(false);
        queue.Submit([In(1, 1)]);
        Assert.True(queue.ShouldNotify());
    }

    [Fact]
    public void TakingACompletionTellsTheDeviceWhereToInterruptNext()
    {
        using var memory = new RingMemory(8);
        var queue = new SplitQueue(memory.Base, 8, eventIndex: true);
        var device = new SimulatedDevice(memory);
        for (int i = 0; i < 3; i++)
            queue.Submit([In((ulong)i, 1)]);
        foreach (var chain in device.PopAll())
            device.Complete(chain.Head, 1);

        while (queue.TryTakeUsed(out _, out _) == UsedResult.Completed)
        {
        }

        Assert.Equal(3, device.UsedEvent);
        queue.SuppressInterrupts(true);
        Assert.Equal(1, device.AvailableFlags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(65535)]
    public void QueueSizesThatAreNotPowersOfTwoAreRefused(int size)
    {
        Assert.False(RingLayout.IsValidSize(size));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitQueue(null, (ushort)size, false));
    }

    [Fact]
    public void TheLegacyLayoutPutsTheUsedRingOnAPageBoundary()
    {
        var layout = new RingLayout(256);
        Assert.Equal(4096, layout.AvailableOffset);
        Assert.Equal(8192, layout.UsedOffset);
        Assert.Equal(0, layout.TotalBytes % 4096);
        Assert.True(layout.TotalBytes >= layout.UsedOffset + 6 + 8 * 256);
    }
}
