using BlkTests;

namespace Unikraft.Boot.Tests;

// Disks on QEMU's NVMe controller through the nvme driver (tests/apps/blk-nvme, the
// blk-disk scenarios) on the default machine and on q35, completing by MSI-X: what the
// guest writes is in the image file on the host and the reverse, transfers over two pages
// go through PRP lists, device errors come back as statuses and the queue keeps working, a
// command past its deadline fails and the controller is reset, and polling works too.
public sealed class NvmeBootTests
{
    private const int Sector = 512;

    // The machine arguments and where the controller sits on each.
    public static TheoryData<string, string> Machines => new()
    {
        { "pc", "00:02.0" },
        { "q35", "00:01.0" },
    };

    private static string[] Machine(string name) => name == "q35" ? DiskImage.Q35 : [];

    private static HostProcessResult Boot(string commandLine, params string[][] arguments) =>
        Qemu.BootElfWith(Images.BlkNvme.Elf, commandLine, arguments.SelectMany(a => a));

    [Theory]
    [MemberData(nameof(Machines))]
    public void TheHostReadsWhatTheGuestWrote(string machine, string address)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("write nvme0n1 7 9 42", Machine(machine), disk.Nvme("d0", "uk-serial-7"));

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        // QEMU's controller has an MSI-X table: the I/O queue gets the first message vector.
        Assert.Contains("[ info] nvme: nvme0n1 at " + address + ", NVMe 1.4, QEMU NVMe Ctrl serial uk-serial-7, 2048 sectors of 512 bytes, write cache, 32 queue entries, msi-x vector 0xc0", run.Lines);
        Assert.Contains("write nvme0n1 7+9: Ok, flush: Ok", run.Lines);
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(7 * Sector, 9 * Sector), 7 * Sector, 42));
        Assert.All(disk.Read(6 * Sector, Sector), b => Assert.Equal(0, b));
        Assert.All(disk.Read(16 * Sector, Sector), b => Assert.Equal(0, b));
        // The controller has its driver, so the bus does not list it.
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("[ info] pci: " + address, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void TheGuestReadsWhatTheHostWrote(string machine, string address)
    {
        using var disk = new DiskImage(4 << 20);
        var pattern = new byte[600 * Sector];
        DiskPattern.Fill(pattern, 1000 * Sector, 77);
        disk.Write(1000 * Sector, pattern);

        HostProcessResult matching = Boot("read nvme0n1 1000 600 77", Machine(machine), disk.Nvme("d0"));
        HostProcessResult otherSeed = Boot("read nvme0n1 1000 600 78", Machine(machine), disk.Nvme("d0"));

        Assert.Contains(matching.Lines, line => line.StartsWith("[ info] nvme: nvme0n1 at " + address, StringComparison.Ordinal) && line.Contains("8192 sectors of 512 bytes"));
        // 600 sectors are more than one command carries (256 KiB): two commands, each with a
        // PRP list for its pages after the second.
        Assert.Contains("read nvme0n1 1000+600: Ok, pattern ok", matching.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), matching.ExitCode);
        Assert.Contains("read nvme0n1 1000+600: Ok, mismatch at byte 0", otherSeed.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), otherSeed.ExitCode);
    }

    // A namespace formatted with 4 KiB sectors: the size comes from the LBA format, and
    // sector numbers count 4 KiB blocks on the host's file too.
    [Fact]
    public void FourKibSectorsComeFromTheLbaFormat()
    {
        using var disk = new DiskImage(4 << 20);
        string[] drive = ["-drive", "file=" + disk.Path + ",if=none,id=d0,format=raw",
            "-device", "nvme,drive=d0,serial=uk-4k,logical_block_size=4096,physical_block_size=4096"];

        HostProcessResult run = Boot("write nvme0n1 7 9 42", drive);

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] nvme: nvme0n1 at 00:02.0,", StringComparison.Ordinal) && line.Contains(", 1024 sectors of 4096 bytes,"));
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(7 * 4096, 9 * 4096), 7 * 4096, 42));
        Assert.All(disk.Read(6 * 4096, 4096), b => Assert.Equal(0, b));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // The asynchronous requests, several threads at once, and the range checks.
    [Theory]
    [InlineData("async nvme0n1", "async: in flight after submitting 16 of 16, writes Ok, flush Ok, reads Ok, callbacks 33, pattern ok")]
    [InlineData("threads nvme0n1", "threads: all regions ok")]
    [InlineData("bounds nvme0n1", "huge sector: OutOfRange")]
    public void TheBlockScenariosPass(string commandLine, string expected)
    {
        using var disk = new DiskImage(4 << 20);

        HostProcessResult run = Boot(commandLine, disk.Nvme("d0"));

        Assert.Contains(expected, run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void WithInterruptsOffTheWaiterPollsTheCompletionQueue()
    {
        using var disk = new DiskImage(4 << 20);

        HostProcessResult run = Qemu.BootElfWith(Images.BlkNvmePolled.Elf, "write nvme0n1 100 600 5", disk.Nvme("d0"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] nvme: nvme0n1 at 00:02.0,", StringComparison.Ordinal) && line.EndsWith(", polled", StringComparison.Ordinal));
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(100 * Sector, 600 * Sector), 100 * Sector, 5));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // Without ACPI the machine has only the PICs, so no message vector: MSI-X is turned off
    // again and the controller's INTx line completes the requests of four threads. The line
    // SeaBIOS's own queues may leave raised is held off with INTMS until the disk exists.
    [Fact]
    public void OnThePicWithoutAcpiTheControllerUsesItsIntxLine()
    {
        using var disk = new DiskImage(4 << 20);

        HostProcessResult run = Boot("threads nvme0n1", ["-machine", "acpi=off"], disk.Nvme("d0"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] nvme: nvme0n1 at 00:02.0,", StringComparison.Ordinal) && line.EndsWith(", irq 10", StringComparison.Ordinal));
        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // QEMU's blkdebug driver fails the first flush that reaches the disk: QEMU answers with
    // a write fault (media errors 0x80), the guest's Flush reports IoError, and the read
    // after it works.
    [Fact]
    public void AFailedFlushIsReportedAndTheQueueKeepsWorking()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = BootWithInjectedError(disk, "flush_to_disk", "write nvme0n1 3 2 5", once: true);

        Assert.Contains("[ warn] nvme: nvme0n1: command 0x00 at sector 0 failed, status 0x0280", run.Lines);
        Assert.Contains("write nvme0n1 3+2: Ok, flush: IoError", run.Lines);
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    // Every read fails: QEMU answers an unrecovered read error (media errors 0x81).
    [Fact]
    public void ADeviceErrorOnReadIsReportedNotFatal()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = BootWithInjectedError(disk, "read_aio", "read nvme0n1 0 4 1", once: false);

        Assert.Contains("[ warn] nvme: nvme0n1: command 0x02 at sector 0 failed, status 0x0281", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("read nvme0n1 0+4: IoError", StringComparison.Ordinal));
        Assert.Contains("[ info] exit code 1, shutting down", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    // QEMU throttled to 64 KiB/s lets the first 256 KiB command through and holds the second:
    // past the image's 300 ms deadline the controller is disabled (QEMU cancels the held
    // write), enabled again with new queues, the write fails with IoError and the flush after
    // it works on the new queues.
    [Fact]
    public void ACommandPastItsDeadlineFailsAndTheControllerWorksAgain()
    {
        using var disk = new DiskImage(4 << 20);

        HostProcessResult run = Qemu.BootElfWith(Images.BlkNvmeDeadline.Elf, "write nvme0n1 0 1024 1", DiskImage.NvmeDisk(disk.Path, "d0", driveOptions: ",bps=65536"));

        Assert.Contains("[ warn] nvme: nvme0n1: command 0x01 at sector 512 timed out after 300 ms, controller reset", run.Lines);
        Assert.Contains("write nvme0n1 0+1024: IoError, flush: Ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(0, 512 * Sector), 0, 1));
    }

    // Two controllers are nvme0n1 and nvme1n1 in bus order.
    [Fact]
    public void ControllersAreNamedInBusOrder()
    {
        using var first = new DiskImage(1 << 20);
        using var second = new DiskImage(2 << 20);

        HostProcessResult list = Boot("list", first.Nvme("d0", "first"), second.Nvme("d1", "second"));

        Assert.Contains("disks: 2", list.Lines);
        Assert.Contains("disk nvme0n1: 2048 sectors of 512 bytes", list.Lines);
        Assert.Contains("disk nvme1n1: 4096 sectors of 512 bytes", list.Lines);
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] nvme: nvme1n1 at 00:03.0, NVMe 1.4, QEMU NVMe Ctrl serial second,", StringComparison.Ordinal));
    }

    // The disk behind QEMU's blkdebug driver, which fails every operation of the given kind
    // with EIO, or only the first.
    private static HostProcessResult BootWithInjectedError(DiskImage disk, string blkdebugEvent, string commandLine, bool once)
    {
        string rules = Path.Combine(Path.GetTempPath(), "uk-blkdebug-" + Guid.NewGuid().ToString("N") + ".cfg");
        File.WriteAllText(rules, "[inject-error]\nevent = \"" + blkdebugEvent + "\"\nerrno = \"5\"\n" + (once ? "once = \"on\"\n" : ""));
        try
        {
            return Boot(commandLine, DiskImage.NvmeDisk("blkdebug:" + rules + ":" + disk.Path, "d0"));
        }
        finally
        {
            File.Delete(rules);
        }
    }
}
