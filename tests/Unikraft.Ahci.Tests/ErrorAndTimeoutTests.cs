using Uk.BlkDev;
using Uk.Drivers.Ahci;

namespace Unikraft.Ahci.Tests;

// A device error fails the one command that caused it, with a status, a count and a log
// line; a command that never finishes is aborted at its deadline. Either way the port is
// started again and the next request works.
public sealed class ErrorAndTimeoutTests
{
    [Theory]
    [InlineData(0x04, BlockStatus.IoError)]   // ABRT: QEMU's answer to a failed read or write
    [InlineData(0x40, BlockStatus.IoError)]   // UNC: an unreadable sector
    [InlineData(0x10, BlockStatus.OutOfRange)] // IDNF: no such sector
    public void TheTaskFileErrorBitsBecomeAStatusAndThePortRecovers(byte error, BlockStatus expected)
    {
        var rig = new AhciRig();
        Pattern.Fill(rig.Disk.Bytes, 4);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        int restarts = rig.Hba.PortRestarts;
        rig.Hba.FailNextWith = error;

        Assert.Equal(expected, rig.Device.Read(5, buffer));

        Assert.Equal(1ul, rig.Device.FailedRequests);
        Assert.Equal(0ul, rig.Device.TimedOutRequests);
        Assert.Equal((uint)error << 8 | 0x51, rig.Device.LastTaskFile);
        Assert.Equal(restarts + 1, rig.Hba.PortRestarts);
        Assert.Contains(Uk.Core.Log.Lines, line => line.StartsWith("[ warn] ahci: sda: command 0x25 at sector 5 failed, task file 0x" + ((uint)error << 8 | 0x51).ToString("x4")));
        Assert.Equal(BlockStatus.Ok, rig.Device.Read(5, buffer));
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Disk.Bytes.AsSpan(5 * 512, 512)));
    }

    [Fact]
    public void AFailedFlushIsReported()
    {
        var rig = new AhciRig();
        rig.Hba.FailNextWith = 0x04;

        Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
        Assert.Equal(BlockStatus.Ok, rig.Device.Flush());
    }

    [Fact]
    public void ACommandPastItsDeadlineIsAbortedByStoppingThePort()
    {
        var rig = new AhciRig();
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);
        AhciOptions.TimeoutMs = 20;
        Uk.Core.Clock.IsAvailable = true;
        rig.Hba.Hang = true;
        try
        {
            Assert.Equal(BlockStatus.IoError, rig.Device.Read(1, buffer));

            Assert.Equal(1ul, rig.Device.TimedOutRequests);
            Assert.Equal(1ul, rig.Device.FailedRequests);
            // Stopping the engine dropped the command: the HBA no longer owns the buffer.
            Assert.Equal(0u, rig.Hba.Port(0, AhciRegisters.PortCommandIssue));
            Assert.Contains(Uk.Core.Log.Lines, line => line == "[ warn] ahci: sda: command 0x25 at sector 1 timed out after 20 ms");

            rig.Hba.Hang = false;
            Assert.Equal(BlockStatus.Ok, rig.Device.Read(1, buffer));
        }
        finally
        {
            Uk.Core.Clock.IsAvailable = false;
            AhciOptions.TimeoutMs = 30000;
        }
    }

    [Fact]
    public void WithoutAClockAPollBudgetStandsInForTheDeadline()
    {
        var rig = new AhciRig();
        AhciOptions.TimeoutMs = 5;
        rig.Hba.Hang = true;
        try
        {
            Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
            Assert.Equal(1ul, rig.Device.TimedOutRequests);
        }
        finally
        {
            AhciOptions.TimeoutMs = 30000;
        }
    }

    [Fact]
    public void ADeviceStillBusyAfterTheEngineStopsGetsAComreset()
    {
        var rig = new AhciRig();
        AhciOptions.TimeoutMs = 5;
        rig.Hba.Hang = true;
        try
        {
            // The device holds BSY, as a hung drive does, until the link is reset.
            rig.Hba.HoldBusy = true;
            Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
            Assert.Equal(1, rig.Hba.Comresets);
            Assert.Equal(0ul, rig.Device.FailedRecoveries);
            rig.Hba.Hang = false;
            Assert.Equal(BlockStatus.Ok, rig.Device.Flush());
        }
        finally
        {
            AhciOptions.TimeoutMs = 30000;
        }
    }
}
