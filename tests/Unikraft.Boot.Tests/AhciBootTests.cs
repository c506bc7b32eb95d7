using BlkTests;

namespace Unikraft.Boot.Tests;

// SATA disks on QEMU's ich9-ahci through the ahci driver (tests/apps/blk-ahci, the blk-disk
// scenarios): q35's built-in controller at 00:1f.2 and the same controller as a PCI card on
// the default machine, completing by MSI (INTx without an I/O APIC). What the guest writes is in the image file on the host and the
// reverse; device errors come back as statuses and the port keeps working; several disks
// are sda, sdb in port order; ATAPI drives are left alone. QEMU refuses read-only drives for
// ide-hd, so there is no read-only case here.
public sealed class AhciBootTests
{
    private const int Sector = 512;

    // The machine arguments, where the controller sits, the bus name of its first port.
    public static TheoryData<string, string, string> Machines => new()
    {
        { "q35", "00:1f.2", "ide.0" },
        { "pc", "00:02.0", "ahci.0" },
    };

    private static string[] Machine(string name) => name == "q35" ? DiskImage.Q35 : DiskImage.AhciController;

    private static HostProcessResult Boot(string commandLine, params string[][] arguments) =>
        Qemu.BootElfWith(Images.BlkAhci.Elf, commandLine, arguments.SelectMany(a => a));

    [Theory]
    [MemberData(nameof(Machines))]
    public void TheHostReadsWhatTheGuestWrote(string machine, string address, string bus)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("write sda 7 9 42", Machine(machine), disk.Ahci("d0", bus));

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        // ich9-ahci has MSI and no MSI-X: the controller gets the first message vector.
        Assert.Contains("[ info] ahci: " + address + ": AHCI 1.0, 32 command slots, ports 0x3f, msi vector 0xc0", run.Lines);
        Assert.Contains("[ info] ahci: sda at " + address + " port 0, QEMU HARDDISK, 2048 sectors of 512 bytes, flush, write cache, msi vector 0xc0", run.Lines);
        Assert.Contains("write sda 7+9: Ok, flush: Ok", run.Lines);
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(7 * Sector, 9 * Sector), 7 * Sector, 42));
        Assert.All(disk.Read(6 * Sector, Sector), b => Assert.Equal(0, b));
        Assert.All(disk.Read(16 * Sector, Sector), b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void TheGuestReadsWhatTheHostWrote(string machine, string address, string bus)
    {
        using var disk = new DiskImage(4 << 20);
        var pattern = new byte[600 * Sector];
        DiskPattern.Fill(pattern, 1000 * Sector, 77);
        disk.Write(1000 * Sector, pattern);

        HostProcessResult matching = Boot("read sda 1000 600 77", Machine(machine), disk.Ahci("d0", bus));
        HostProcessResult otherSeed = Boot("read sda 1000 600 78", Machine(machine), disk.Ahci("d0", bus));

        Assert.Contains(matching.Lines, line => line.StartsWith("[ info] ahci: sda at " + address, StringComparison.Ordinal) && line.Contains("8192 sectors of 512 bytes"));
        // 600 sectors are more than one command carries (256 KiB): three commands.
        Assert.Contains("read sda 1000+600: Ok, pattern ok", matching.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), matching.ExitCode);
        Assert.Contains("read sda 1000+600: Ok, mismatch at byte 0", otherSeed.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), otherSeed.ExitCode);
    }

    // QEMU's blkdebug driver fails the first flush that reaches the disk: the guest's Flush
    // reports it (so FLUSH CACHE EXT went all the way down), and the read after it works,
    // which shows the port was recovered.
    [Fact]
    public void AFailedFlushIsReportedAndThePortRecovers()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = BootWithInjectedError(disk, "flush_to_disk", "write sda 3 2 5", once: true);

        Assert.Contains(run.Lines, line => line.StartsWith("[ warn] ahci: sda: command 0xea at sector 0 failed, task file 0x", StringComparison.Ordinal));
        Assert.Contains("write sda 3+2: Ok, flush: IoError", run.Lines);
        Assert.Contains("read back: Ok, pattern ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    [Fact]
    public void ADeviceErrorOnReadIsReportedNotFatal()
    {
        using var disk = new DiskImage(1 << 20);

        // Every read fails: the firmware's own boot-sector read would use up a single one.
        HostProcessResult run = BootWithInjectedError(disk, "read_aio", "read sda 0 4 1", once: false);

        Assert.Contains(run.Lines, line => line.StartsWith("[ warn] ahci: sda: command 0x25 at sector 0 failed, task file 0x", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("read sda 0+4: IoError", StringComparison.Ordinal));
        Assert.Contains("[ info] exit code 1, shutting down", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    // The disk behind QEMU's blkdebug driver, which fails every operation of the given kind
    // with EIO, or only the first.
    private static HostProcessResult BootWithInjectedError(DiskImage disk, string blkdebugEvent, string commandLine, bool once)
    {
        string rules = Path.Combine(Path.GetTempPath(), "uk-blkdebug-" + Guid.NewGuid().ToString("N") + ".cfg");
        File.WriteAllText(rules, "[inject-error]\nevent = \"" + blkdebugEvent + "\"\nerrno = \"5\"\n" + (once ? "once = \"on\"\n" : ""));
        try
        {
            return Boot(commandLine, DiskImage.Q35, DiskImage.AhciDisk("blkdebug:" + rules + ":" + disk.Path, "d0"));
        }
        finally
        {
            File.Delete(rules);
        }
    }

    // QEMU throttled to 64 KiB/s lets the first 256 KiB command through and holds the second
    // for seconds: past the image's 300 ms deadline the port is stopped and the disk reset
    // (QEMU finishes the held write before it answers the COMRESET), the write fails with
    // IoError, and the flush after it works on the recovered port.
    [Fact]
    public void ACommandPastItsDeadlineFailsAndThePortWorksAgain()
    {
        using var disk = new DiskImage(4 << 20);
        string[] throttled = ["-drive", "file=" + disk.Path + ",if=none,id=d0,format=raw,bps=65536", "-device", "ide-hd,drive=d0,bus=ide.0"];

        HostProcessResult run = Qemu.BootElfWith(Images.BlkAhciDeadline.Elf, "write sda 0 1024 1", [.. DiskImage.Q35, .. throttled]);

        Assert.Contains("[ warn] ahci: sda: command 0x35 at sector 512 timed out after 300 ms, port reset", run.Lines);
        Assert.Contains("write sda 0+1024: IoError, flush: Ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(0, 512 * Sector), 0, 1));
    }

    // Disks on ports 1 and 4 with a CD drive on port 2 between them: named in port order,
    // the ATAPI drive listed and left alone.
    [Fact]
    public void DisksAreNamedInPortOrderAndACdDriveIsLeftAlone()
    {
        using var first = new DiskImage(1 << 20);
        using var second = new DiskImage(2 << 20);
        using var cd = new DiskImage(1 << 20);
        string[] cdDrive = ["-drive", "file=" + cd.Path + ",if=none,id=cd,format=raw,readonly=on", "-device", "ide-cd,drive=cd,bus=ide.2"];

        HostProcessResult list = Boot("list", DiskImage.Q35, first.Ahci("d0", "ide.1"), cdDrive, second.Ahci("d1", "ide.4"));
        HostProcessResult write = Boot("write sdb 4090 6 11", DiskImage.Q35, first.Ahci("d0", "ide.1"), cdDrive, second.Ahci("d1", "ide.4"));

        Assert.Contains("disks: 2", list.Lines);
        Assert.Contains("disk sda: 2048 sectors of 512 bytes", list.Lines);
        Assert.Contains("disk sdb: 4096 sectors of 512 bytes", list.Lines);
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] ahci: sda at 00:1f.2 port 1,", StringComparison.Ordinal));
        Assert.Contains("[ info] ahci: 00:1f.2 port 2: ATAPI drive left alone", list.Lines);
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] ahci: sdb at 00:1f.2 port 4,", StringComparison.Ordinal));
        // The controller has its driver, so the bus does not list it.
        Assert.DoesNotContain(list.Lines, line => line.StartsWith("[ info] pci: 00:1f.2", StringComparison.Ordinal));
        Assert.Contains("write sdb 4090+6: Ok, flush: Ok", write.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(second.Read(4090 * Sector, 6 * Sector), 4090 * Sector, 11));
        Assert.All(first.Read(0, 1 << 20), b => Assert.Equal(0, b));
    }

    // Booted from the ISO in a CD drive on the same controller: the firmware (SeaBIOS, or
    // OVMF's own AHCI driver) and GRUB used the HBA first, and the reset takes it over.
    [Theory]
    [InlineData("bios")]
    [InlineData("uefi")]
    public void AfterTheFirmwareBootedFromACdOnTheSameControllerTheDiskWorks(string firmware)
    {
        using var disk = new DiskImage(1 << 20);
        string[] machine = [.. DiskImage.Q35, .. disk.Ahci("d0")];

        HostProcessResult run = firmware == "bios"
            ? Qemu.BootIsoBios(Images.BlkAhci.Iso, extraArguments: machine)
            : Qemu.BootIsoUefi(Images.BlkAhci.Iso, extraArguments: machine);

        Assert.Contains(run.Lines, line => line.Contains("booting 'blk-ahci' on pc-x86_64 (multiboot2"));
        Assert.Contains("[ info] ahci: 00:1f.2 port 2: ATAPI drive left alone", run.Lines);
        Assert.Contains("disk sda: 2048 sectors of 512 bytes", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void RequestsPastTheEndOrOfPartialSectorsAreRefused()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("bounds sda", DiskImage.Q35, disk.Ahci("d0"));

        Assert.Contains("last sector: Ok", run.Lines);
        Assert.Contains("past the end: OutOfRange", run.Lines);
        Assert.Contains("across the end: OutOfRange", run.Lines);
        Assert.Contains("huge sector: OutOfRange", run.Lines);
        Assert.Contains("partial sector: BadLength", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    public static TheoryData<string> Completions => new() { "interrupt", "polled" };

    private static string ImageFor(string completion) => completion == "polled" ? Images.BlkAhciPolled.Elf : Images.BlkAhci.Elf;

    // Four threads with requests queued together; each completion (an interrupt, or found by
    // a polling thread) starts the next command and wakes the thread whose request finished.
    [Theory]
    [MemberData(nameof(Completions))]
    public void ThreadsShareADiskAndEachGetsItsOwnCompletions(string completion)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Qemu.BootElfWith(ImageFor(completion), "threads sda", [.. DiskImage.Q35, .. disk.Ahci("d0")]);

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] ahci: sda", StringComparison.Ordinal) && line.EndsWith(completion == "polled" ? ", polled" : ", msi vector 0xc0", StringComparison.Ordinal));
        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        for (int t = 0; t < 4; t++)
            Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(t * 64 * Sector, 64 * Sector), (ulong)(t * 64 * Sector), 100 + t));
    }

    // Sixteen requests queued at once through IAsyncBlockDevice, each completion running its
    // callback; then the host checks the sectors.
    [Theory]
    [MemberData(nameof(Completions))]
    public void AsynchronousRequestsCompleteInTurn(string completion)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Qemu.BootElfWith(ImageFor(completion), "async sda", [.. DiskImage.Q35, .. disk.Ahci("d0")]);

        Assert.Contains("async: in flight after submitting 16 of 16, writes Ok, flush Ok, reads Ok, callbacks 33, pattern ok", run.Lines);
        Assert.Contains("async refusals: past the end OutOfRange (completed), buffer overrun BadLength", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(0, 16 * 4096), 0, 61));
    }

    // Without ACPI the kernel drives the 8259 PICs, which take no messages: the controller
    // falls back to its INTx line.
    [Fact]
    public void WithoutAnIoApicCompletionsComeOnTheIntxLine()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("threads sda", ["-machine", "acpi=off"], DiskImage.AhciController, disk.Ahci("d0", "ahci.0"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] ahci: sda", StringComparison.Ordinal) && line.EndsWith(", irq 10", StringComparison.Ordinal));
        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }
}
