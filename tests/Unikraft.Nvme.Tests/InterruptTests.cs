using Uk.BlkDev;
using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// Asynchronous requests queue behind the one command the I/O queue carries; each interrupt
// takes the completion, finishes that request and issues the next.
public sealed class InterruptTests
{
    [Fact]
    public void QueuedRequestsAreIssuedOneAtATimeAsInterruptsFinishThem()
    {
        var rig = new NvmeRig(interrupts: true);
        rig.Controller.Deferred = true;
        byte[] buffer = GC.AllocateArray<byte>(3 * 4096, pinned: true);
        Pattern.Fill(buffer, 9);
        var completed = new List<BlockRequest>();
        var requests = new BlockRequest[3];
        for (int i = 0; i < requests.Length; i++)
        {
            requests[i] = BlockRequest.Write((ulong)i * 8, buffer, i * 4096, 4096);
            requests[i].Completed = completed.Add;
            Assert.Equal(BlockStatus.Ok, rig.Device.Submit(requests[i]));
        }
        Assert.Single(rig.Controller.IoCommands);

        for (int i = 0; i < requests.Length; i++)
        {
            Assert.Equal(i, completed.Count);
            rig.Controller.Complete();
        }

        Assert.Equal(requests, completed);
        Assert.All(requests, r => Assert.Equal(BlockStatus.Ok, r.Status));
        Assert.Equal([0u, 8u, 16u], rig.Controller.IoCommands.Select(c => c.Dword10));
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Namespace.Bytes.AsSpan(0, buffer.Length)));
        Assert.Equal(3, rig.Controller.InterruptsSent);
        Assert.Equal(3ul, rig.Device.InterruptCount);
    }

    // An interrupt with nothing new (a shared INTx line, a completion a poller already took)
    // changes nothing.
    [Fact]
    public void AnInterruptWithNoCompletionDoesNothing()
    {
        var rig = new NvmeRig(interrupts: true);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(0, buffer));
        int doorbells = rig.Controller.Writes.Count;

        rig.Device.OnInterrupt();

        Assert.Equal(doorbells, rig.Controller.Writes.Count);
        Assert.Equal(0ul, rig.Device.FailedRequests);
    }

    [Fact]
    public void AnAsynchronousErrorCompletesThatRequestAndTheNextOneStillRuns()
    {
        var rig = new NvmeRig(interrupts: true);
        rig.Controller.Deferred = true;
        byte[] buffer = GC.AllocateArray<byte>(1024, pinned: true);
        var first = BlockRequest.Read(0, buffer, 0, 512);
        var second = BlockRequest.Read(1, buffer, 512, 512);
        rig.Device.Submit(first);
        rig.Device.Submit(second);
        rig.Controller.FailNextWith = 0x0281;

        rig.Controller.Complete();
        rig.Controller.Complete();

        Assert.Equal(BlockStatus.IoError, first.Status);
        Assert.Equal(BlockStatus.Ok, second.Status);
    }

    // Before the disk exists an MSI or INTx interrupt masks itself (a level line would
    // otherwise fire again and again); attaching the disk unmasks it and passes them on.
    [Fact]
    public void TheRelayMasksAnInterruptUntilTheDiskIsAttached()
    {
        var rig = new NvmeRig(interrupts: true);
        var relay = new InterruptRelay(rig.Controller) { MaskDuringSetup = true };

        relay.OnInterrupt();
        Assert.True(rig.Controller.InterruptMasked);

        relay.Attach(rig.Device);
        Assert.False(rig.Controller.InterruptMasked);
        rig.Controller.Deferred = true;
        var read = BlockRequest.Read(0, new byte[512], 0, 512);
        rig.Device.Submit(read);
        rig.Controller.Interrupt = relay.OnInterrupt;
        rig.Controller.Complete();
        Assert.Equal(BlockStatus.Ok, read.Status);
    }

    // MSI-X: the relay never touches INTMS.
    [Fact]
    public void WithMsiXTheRelayLeavesTheMaskAlone()
    {
        var rig = new NvmeRig(interrupts: true);
        var relay = new InterruptRelay(rig.Controller);
        int writes = rig.Controller.Writes.Count;

        relay.OnInterrupt();
        relay.Attach(rig.Device);

        Assert.Equal(writes, rig.Controller.Writes.Count);
    }
}
