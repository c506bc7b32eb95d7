using System.Globalization;
using Uk.BlkDev;
using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// An error status fails the one command that carried it, with a status, a count and a log
// line; a command that never completes is aborted at its deadline by resetting the
// controller, whose queues are then made again so the next request works.
public sealed class ErrorAndTimeoutTests
{
    [Theory]
    [InlineData(0x0080, BlockStatus.OutOfRange)] // generic: LBA out of range
    [InlineData(0x0081, BlockStatus.OutOfRange)] // generic: capacity exceeded
    [InlineData(0x0281, BlockStatus.IoError)]    // media: unrecovered read error
    [InlineData(0x0006, BlockStatus.IoError)]    // generic: internal error
    [InlineData(0x0180, BlockStatus.IoError)]    // command specific 0x80 is not a range error
    public void TheStatusFieldBecomesABlockStatusAndTheQueueKeepsWorking(int status, BlockStatus expected)
    {
        var rig = new NvmeRig();
        Pattern.Fill(rig.Namespace.Bytes, 7);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        rig.Controller.FailNextWith = (ushort)status;

        Assert.Equal(expected, rig.Device.Read(5, buffer));

        Assert.Equal(1ul, rig.Device.FailedRequests);
        Assert.Equal(0ul, rig.Device.TimedOutRequests);
        Assert.Equal((ushort)status, rig.Device.LastStatus);
        Assert.Equal(0, rig.Controller.Resets - 1);
        Assert.Contains(Uk.Core.Log.Lines, line => line == "[ warn] nvme: nvme0n1: command 0x02 at sector 5 failed, status 0x" + status.ToString("x4", CultureInfo.InvariantCulture));
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(5, buffer));
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Namespace.Bytes.AsSpan(5 * 512, 512)));
    }

    [Fact]
    public void AFailedFlushIsReported()
    {
        var rig = new NvmeRig();
        rig.Controller.FailNextWith = 0x0006;

        Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
        Assert.Equal(BlockStatus.Ok, rig.Device.Flush());
    }

    [Fact]
    public void RequestsOutsideTheNamespaceNeverReachTheController()
    {
        var rig = new NvmeRig(new FakeNamespace(16));

        Assert.Equal(BlockStatus.OutOfRange, rig.Device.Read(15, new byte[1024]));
        Assert.Equal(BlockStatus.BadLength, rig.Device.Read(0, new byte[100]));
        Assert.Empty(rig.Controller.IoCommands);
    }

    [Fact]
    public void ACommandPastItsDeadlineIsAbortedByAControllerResetAndTheQueuesAreMadeAgain()
    {
        var rig = new NvmeRig();
        Pattern.Fill(rig.Namespace.Bytes, 8);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        NvmeOptions.TimeoutMs = 20;
        Uk.Core.Clock.IsAvailable = true;
        rig.Controller.Hang = true;
        int admin = rig.Controller.AdminCommands.Count;
        try
        {
            Assert.Equal(BlockStatus.IoError, rig.Device.Read(1, buffer));

            Assert.Equal(1ul, rig.Device.TimedOutRequests);
            Assert.Equal(1ul, rig.Device.FailedRequests);
            Assert.Equal(0ul, rig.Device.FailedRecoveries);
            // Bring-up's reset, then the abort's.
            Assert.Equal(2, rig.Controller.Resets);
            Assert.Equal(
                [NvmeProtocol.AdminSetFeatures, NvmeProtocol.AdminCreateCompletionQueue, NvmeProtocol.AdminCreateSubmissionQueue],
                rig.Controller.AdminCommands.Skip(admin).Select(c => c.Opcode));
            Assert.Contains("[ warn] nvme: nvme0n1: command 0x02 at sector 1 timed out after 20 ms, controller reset", Uk.Core.Log.Lines);

            rig.Controller.Hang = false;
            Assert.Equal(BlockStatus.Ok, rig.Device.Read(1, buffer));
            Assert.True(buffer.AsSpan().SequenceEqual(rig.Namespace.Bytes.AsSpan(512, 512)));
        }
        finally
        {
            Uk.Core.Clock.IsAvailable = false;
        }
    }

    // The controller does not come back from the reset: the request fails, and so does the
    // next one at once (after one more try), each with a clear status rather than a hang.
    [Fact]
    public void AControllerThatDoesNotComeBackFailsRequestsAtOnce()
    {
        var rig = new NvmeRig();
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        NvmeOptions.TimeoutMs = 20;
        Uk.Core.Clock.IsAvailable = true;
        rig.Controller.Hang = true;
        rig.Controller.NeverReady = true;
        try
        {
            Assert.Equal(BlockStatus.IoError, rig.Device.Read(1, buffer));
            Assert.Equal(BlockStatus.IoError, rig.Device.Read(2, buffer));

            Assert.Equal(2ul, rig.Device.FailedRecoveries);
            Assert.Single(rig.Controller.IoCommands);
        }
        finally
        {
            Uk.Core.Clock.IsAvailable = false;
        }
    }
}
