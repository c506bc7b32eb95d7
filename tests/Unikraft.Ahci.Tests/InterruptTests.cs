using Uk.BlkDev;
using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// Asynchronous requests queue behind the one command the port runs; each interrupt finishes
// the command in flight and issues the next, and clears the port's causes before the HBA's.
public sealed class InterruptTests
{
    [Fact]
    public void QueuedRequestsAreIssuedOneAtATimeAsInterruptsFinishThem()
    {
        var rig = new AhciRig(interrupts: true);
        rig.Hba.Deferred = true;
        byte[] buffer = GC.AllocateArray<byte>(3 * 4096, pinned: true);
        Pattern.Fill(buffer, 8);
        var completed = new List<BlockRequest>();
        var requests = new BlockRequest[3];
        for (int i = 0; i < requests.Length; i++)
        {
            requests[i] = BlockRequest.Write((ulong)i * 8, buffer, i * 4096, 4096);
            requests[i].Completed = completed.Add;
            Assert.Equal(BlockStatus.Ok, rig.Device.Submit(requests[i]));
        }
        Assert.Equal(1u, rig.Hba.Port(0, AhciRegisters.PortCommandIssue));

        for (int i = 0; i < requests.Length; i++)
        {
            Assert.Equal(i, completed.Count);
            rig.Hba.Complete();
            Assert.Equal(1u, rig.Hba.Read(AhciRegisters.InterruptStatus));
            rig.Controller.OnInterrupt();
            Assert.Equal(0u, rig.Hba.Read(AhciRegisters.InterruptStatus));
            Assert.Equal(0u, rig.Hba.Port(0, AhciRegisters.PortInterruptStatus));
        }

        Assert.Equal(requests, completed);
        Assert.All(requests, r => Assert.Equal(BlockStatus.Ok, r.Status));
        Assert.Equal([0ul, 8ul, 16ul], rig.Hba.Commands.Select(c => c.Lba));
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(0, buffer.Length)));
        Assert.Equal(3ul, rig.Controller.InterruptCount);
    }

    [Fact]
    public void AnInterruptWithNoCauseIsAnotherDevicesOnASharedLine()
    {
        var rig = new AhciRig(interrupts: true);

        rig.Controller.OnInterrupt();

        Assert.Equal(0ul, rig.Controller.InterruptCount);
    }

    // A cause that lands after a poller already finished the command: the interrupt must
    // clear it, or the HBA's interrupt stays raised (an MSI storm on QEMU).
    [Fact]
    public void ACauseWithNoCommandInFlightIsClearedByTheInterrupt()
    {
        var rig = new AhciRig(interrupts: true);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(0, buffer));
        rig.Hba.RaiseCause(0, AhciRegisters.PortDeviceToHostFis);
        Assert.Equal(1u, rig.Hba.Read(AhciRegisters.InterruptStatus));

        rig.Controller.OnInterrupt();

        Assert.Equal(0u, rig.Hba.Port(0, AhciRegisters.PortInterruptStatus));
        Assert.Equal(0u, rig.Hba.Read(AhciRegisters.InterruptStatus));
    }

    // A poller looks at the port just as the command ends, and the interrupt it sent arrives
    // afterwards: one of the two must see the completion (else the waiter sleeps until its
    // deadline, as a benchmark on QEMU once did for 30 s).
    [Fact]
    public void ACompletionBetweenThePollersReadsIsNotLost()
    {
        var rig = new AhciRig(interrupts: true);
        rig.Hba.Deferred = true;
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        var read = BlockRequest.Read(3, buffer, 0, 512);
        rig.Device.Submit(read);

        rig.Hba.CompleteAfterNextStatusRead = true;
        rig.Device.OnInterrupt();
        rig.Controller.OnInterrupt();

        Assert.True(read.IsCompleted);
        Assert.Equal(BlockStatus.Ok, read.Status);
    }

    [Fact]
    public void AnAsynchronousErrorCompletesThatRequestAndTheNextOneStillRuns()
    {
        var rig = new AhciRig(interrupts: true);
        rig.Hba.Deferred = true;
        byte[] buffer = GC.AllocateArray<byte>(2 * 512, pinned: true);
        var first = BlockRequest.Read(0, buffer, 0, 512);
        var second = BlockRequest.Read(1, buffer, 512, 512);
        rig.Device.Submit(first);
        rig.Device.Submit(second);

        rig.Hba.FailNextWith = 0x40;
        rig.Hba.Complete();
        rig.Controller.OnInterrupt();
        rig.Hba.Complete();
        rig.Controller.OnInterrupt();

        Assert.Equal(BlockStatus.IoError, first.Status);
        Assert.Equal(BlockStatus.Ok, second.Status);
        Assert.Equal(1ul, rig.Device.FailedRequests);
    }

    [Fact]
    public void WaitPollsTheRequestToCompletionWithoutAScheduler()
    {
        var rig = new AhciRig();
        byte[] buffer = GC.AllocateArray<byte>(4096, pinned: true);
        Pattern.Fill(rig.Disk.Bytes, 6);
        var read = BlockRequest.Read(16, buffer, 0, 4096);

        Assert.Equal(BlockStatus.Ok, rig.Device.Submit(read));
        Assert.True(rig.Device.Wait(read));

        Assert.Equal(BlockStatus.Ok, read.Status);
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(16 * 512, 4096)));
    }

    [Fact]
    public void AsynchronousRefusalsCompleteAtOnce()
    {
        var rig = new AhciRig(new FakeDisk(16));
        byte[] buffer = new byte[4096];

        var tooFar = BlockRequest.Read(16, buffer, 0, 512);
        var overrun = BlockRequest.Read(0, buffer, 4000, 512);
        Assert.Equal(BlockStatus.OutOfRange, rig.Device.Submit(tooFar));
        Assert.Equal(BlockStatus.BadLength, rig.Device.Submit(overrun));

        Assert.True(tooFar.IsCompleted && overrun.IsCompleted);
        Assert.Empty(rig.Hba.Commands);
    }
}
