using System.Globalization;
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
        // The device answered: stopping and starting the port is enough, no COMRESET.
        Assert.Equal(0, rig.Hba.Comresets);
        Assert.Contains(Uk.Core.Log.Lines, line => line.StartsWith("[ warn] ahci: sda: command 0x25 at sector 5 failed, task file 0x" + ((uint)error << 8 | 0x51).ToString("x4", CultureInfo.InvariantCulture), StringComparison.Ordinal));
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
    public void ACommandPastItsDeadlineIsAbortedByStoppingThePortAndResettingTheDevice()
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
            // Stopping the engine dropped the command: the HBA no longer owns the buffer; the
            // COMRESET stops a device that may still be working on it.
            Assert.Equal(0u, rig.Hba.Port(0, AhciRegisters.PortCommandIssue));
            Assert.Equal(1, rig.Hba.Comresets);
            Assert.Contains(Uk.Core.Log.Lines, line => line == "[ warn] ahci: sda: command 0x25 at sector 1 timed out after 20 ms, port reset");

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
    public void ADeviceStillBusyAfterAnErrorGetsAComreset()
    {
        var rig = new AhciRig();
        rig.Hba.FailNextWith = 0x04;
        // The device holds BSY, as a hung drive does, until the link is reset.
        rig.Hba.HoldBusy = true;

        Assert.Equal(BlockStatus.IoError, rig.Device.Flush());

        Assert.Equal(1, rig.Hba.Comresets);
        Assert.Equal(0ul, rig.Device.FailedRecoveries);
        Assert.Equal(BlockStatus.Ok, rig.Device.Flush());
    }

    [Fact]
    public void AFailedRecoveryIsCountedAndTheRequestStillReturns()
    {
        var rig = new AhciRig();
        AhciOptions.TimeoutMs = 5;
        rig.Hba.Hang = true;
        // The link never comes back after the COMRESET.
        rig.Hba.Detach(0);
        try
        {
            Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
            Assert.Equal(1ul, rig.Device.FailedRecoveries);

            // The next request tries once more and fails at once, without waiting out a deadline.
            int issued = rig.Hba.Commands.Count;
            Assert.Equal(BlockStatus.IoError, rig.Device.Flush());
            Assert.Equal(2ul, rig.Device.FailedRecoveries);
            Assert.Equal(1ul, rig.Device.TimedOutRequests);
            Assert.Equal(issued, rig.Hba.Commands.Count);
        }
        finally
        {
            AhciOptions.TimeoutMs = 30000;
        }
    }
}
