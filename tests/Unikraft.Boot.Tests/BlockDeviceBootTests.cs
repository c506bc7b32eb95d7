using BlkTests;

namespace Unikraft.Boot.Tests;

// virtio-blk disks at the block level (tests/apps/blk-disk): what the guest writes is in the
// raw image file on the host, what the host writes the guest reads, on both virtio
// transports, with flush, read-only disks, several disks and the PCI listing.
public sealed class BlockDeviceBootTests
{
    private const int Sector = 512;

    // The device option, the transport the driver picks, how completions are signalled.
    public static TheoryData<string, string, string> Transports => new()
    {
        { ",disable-legacy=on", "modern", ", msi-x vector 0xc0" },
        { ",disable-modern=on", "legacy", ", irq 10" },
    };

    private static HostProcessResult Boot(string commandLine, params string[][] devices) =>
        Qemu.BootElfWith(Images.BlkDisk.Elf, commandLine, devices.SelectMany(d => d));

    [Theory]
    [MemberData(nameof(Transports))]
    public void TheHostReadsWhatTheGuestWrote(string deviceOptions, string transport, string signal)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("write vda 7 9 42", disk.VirtioBlk("d0", deviceOptions));

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda at ", StringComparison.Ordinal) && line.Contains(transport + " transport, 2048 sectors of 512 bytes") && line.EndsWith(signal, StringComparison.Ordinal));
        Assert.Contains("write vda 7+9: Ok, flush: Ok", run.Lines);
        byte[] written = disk.Read(7 * Sector, 9 * Sector);
        Assert.Equal(-1, DiskPattern.FirstMismatch(written, 7 * Sector, 42));
        // Only those sectors: the neighbours are still zero.
        Assert.All(disk.Read(6 * Sector, Sector), b => Assert.Equal(0, b));
        Assert.All(disk.Read(16 * Sector, Sector), b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void TheGuestReadsWhatTheHostWrote(string deviceOptions, string transport, string signal)
    {
        using var disk = new DiskImage(4 << 20);
        var pattern = new byte[600 * Sector];
        DiskPattern.Fill(pattern, 1000 * Sector, 77);
        disk.Write(1000 * Sector, pattern);

        HostProcessResult matching = Boot("read vda 1000 600 77", disk.VirtioBlk("d0", deviceOptions));
        HostProcessResult otherSeed = Boot("read vda 1000 600 78", disk.VirtioBlk("d0", deviceOptions));

        Assert.Contains(matching.Lines, line => line.Contains(transport + " transport, 8192 sectors") && line.EndsWith(signal, StringComparison.Ordinal));
        Assert.Contains("read vda 1000+600: Ok, pattern ok", matching.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), matching.ExitCode);
        // The check is real: the same sectors against another seed differ at once.
        Assert.Contains("read vda 1000+600: Ok, mismatch at byte 0", otherSeed.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), otherSeed.ExitCode);
    }

    // QEMU's blkdebug driver fails every flush that reaches the disk: the guest's Flush must
    // report it, which shows the flush request went all the way down.
    [Fact]
    public void AFlushReachesTheDiskAndItsFailureIsReported()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = BootWithInjectedError(disk, "flush_to_disk", "write vda 3 2 5");

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.Contains(", flush"));
        Assert.Contains("write vda 3+2: Ok, flush: IoError", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    [Fact]
    public void ADeviceErrorOnReadIsReportedNotFatal()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = BootWithInjectedError(disk, "read_aio", "read vda 0 4 1");

        Assert.Contains(run.Lines, line => line.StartsWith("read vda 0+4: IoError", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
    }

    // The disk behind QEMU's blkdebug driver, which fails every operation of the given kind with EIO.
    private static HostProcessResult BootWithInjectedError(DiskImage disk, string blkdebugEvent, string commandLine)
    {
        string rules = Path.Combine(Path.GetTempPath(), "uk-blkdebug-" + Guid.NewGuid().ToString("N") + ".cfg");
        File.WriteAllText(rules, "[inject-error]\nevent = \"" + blkdebugEvent + "\"\nerrno = \"5\"\n");
        try
        {
            return Boot(commandLine, ["-drive", "file=blkdebug:" + rules + ":" + disk.Path + ",if=none,id=d0,format=raw", "-device", "virtio-blk-pci,drive=d0"]);
        }
        finally
        {
            File.Delete(rules);
        }
    }

    [Fact]
    public void AReadOnlyDiskRefusesWritesAndStaysUnchanged()
    {
        using var disk = new DiskImage(1 << 20);
        var pattern = new byte[Sector];
        DiskPattern.Fill(pattern, 0, 3);
        disk.Write(0, pattern);

        HostProcessResult run = Boot("readonly vda", disk.VirtioBlk("d0", readOnly: true));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.Contains(", read-only"));
        Assert.Contains("read-only vda: IsReadOnly true, read: Ok, write: ReadOnly", run.Lines);
        Assert.Equal(pattern, disk.Read(0, Sector));
    }

    [Fact]
    public void TwoDisksOnDifferentTransportsAreVdaAndVdb()
    {
        using var first = new DiskImage(1 << 20);
        using var second = new DiskImage(2 << 20);

        HostProcessResult list = Boot("list", first.VirtioBlk("d0", ",disable-legacy=on"), second.VirtioBlk("d1", ",disable-modern=on"));
        HostProcessResult write = Boot("write vdb 4090 6 11", first.VirtioBlk("d0", ",disable-legacy=on"), second.VirtioBlk("d1", ",disable-modern=on"));

        Assert.Contains("disks: 2", list.Lines);
        Assert.Contains("disk vda: 2048 sectors of 512 bytes", list.Lines);
        Assert.Contains("disk vdb: 4096 sectors of 512 bytes", list.Lines);
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.Contains("modern transport"));
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] virtio-blk: vdb", StringComparison.Ordinal) && line.Contains("legacy transport"));
        Assert.Contains("write vdb 4090+6: Ok, flush: Ok", write.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(second.Read(4090 * Sector, 6 * Sector), 4090 * Sector, 11));
        Assert.All(first.Read(0, 1 << 20), b => Assert.Equal(0, b));
    }

    [Fact]
    public void RequestsPastTheEndOrOfPartialSectorsAreRefused()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("bounds vda", disk.VirtioBlk("d0"));

        Assert.Contains("last sector: Ok", run.Lines);
        Assert.Contains("past the end: OutOfRange", run.Lines);
        Assert.Contains("across the end: OutOfRange", run.Lines);
        Assert.Contains("huge sector: OutOfRange", run.Lines);
        Assert.Contains("partial sector: BadLength", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // Four threads with requests in flight together; completions arrive by interrupt and
    // wake the thread whose request finished.
    [Fact]
    public void ThreadsShareADiskAndEachGetsItsOwnCompletions()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("threads vda", disk.VirtioBlk("d0"));

        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        for (int t = 0; t < 4; t++)
            Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(t * 64 * Sector, 64 * Sector), (ulong)(t * 64 * Sector), 100 + t));
    }

    [Fact]
    public void OnQ35TheBusIsReadThroughEcamAndTheDiskWorks()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Qemu.BootElfWith(Images.BlkDisk.Elf, "write vda 10 8 9", ["-machine", "q35", .. disk.VirtioBlk("d0")]);

        Assert.Contains("[ info] pci: configuration space through ECAM at 0xb0000000 for buses 0-255 (ACPI MCFG)", run.Lines);
        Assert.Contains("[ info] pci: 00:1f.2 8086:2922 class 01.06.01 SATA controller: no driver", run.Lines);
        Assert.Contains("write vda 10+8: Ok, flush: Ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(10 * Sector, 8 * Sector), 10 * Sector, 9));
    }

    [Fact]
    public void DevicesWithoutADriverAreListedOneLineEach()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Boot("list", disk.VirtioBlk("d0"), ["-device", "virtio-rng-pci"]);

        Assert.Contains("[ info] pci: configuration space through ports 0xCF8/0xCFC", run.Lines);
        Assert.Contains("[ info] pci: 00:00.0 8086:1237 class 06.00 host bridge: no driver", run.Lines);
        Assert.Contains("[ info] pci: 00:01.0 8086:7000 class 06.01 ISA bridge: no driver", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] pci: ", StringComparison.Ordinal) && line.Contains(" 1af4:1005 ") && line.EndsWith(": no driver", StringComparison.Ordinal));
        // The disk has its driver, so it is not in the list.
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("[ info] pci: ", StringComparison.Ordinal) && line.Contains("1af4:1001"));
        Assert.Contains("disks: 1", run.Lines);
    }

    public static TheoryData<string> Completions => new() { "interrupt", "polled" };

    private static string ImageFor(string completion) => completion == "polled" ? Images.BlkPolled.Elf : Images.BlkDisk.Elf;

    // Sixteen requests on the ring at once through IAsyncBlockDevice, each completion
    // running its callback; then the host checks the sectors.
    [Theory]
    [MemberData(nameof(Completions))]
    public void AsynchronousRequestsCompleteTogether(string completion)
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult run = Qemu.BootElfWith(ImageFor(completion), "async vda", disk.VirtioBlk("d0"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.EndsWith(completion == "polled" ? ", polled" : ", msi-x vector 0xc0", StringComparison.Ordinal));
        Assert.Contains("async: in flight after submitting 16 of 16, writes Ok, flush Ok, reads Ok, callbacks 33, pattern ok", run.Lines);
        Assert.Contains("async refusals: past the end OutOfRange (completed), buffer overrun BadLength", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(0, 16 * 4096), 0, 61));
    }

    [Fact]
    public void WithInterruptsOffThreadsPollForTheirCompletions()
    {
        using var disk = new DiskImage(1 << 20);

        HostProcessResult write = Qemu.BootElfWith(Images.BlkPolled.Elf, "write vda 20 300 4", disk.VirtioBlk("d0"));
        Assert.Contains("write vda 20+300: Ok, flush: Ok", write.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(20 * Sector, 300 * Sector), 20 * Sector, 4));

        HostProcessResult threads = Qemu.BootElfWith(Images.BlkPolled.Elf, "threads vda", disk.VirtioBlk("d0"));
        Assert.Contains("threads: all regions ok", threads.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), threads.ExitCode);
    }

    // Without MSI-X vectors on the device, or without an I/O APIC to deliver messages, the
    // modern device falls back to its INTx line (shared-line dispatch, ISR acknowledged).
    [Theory]
    [InlineData("vectors=0")]
    [InlineData("acpi=off")]
    public void WithoutMsiXCompletionsComeOnTheIntxLine(string setting)
    {
        using var disk = new DiskImage(1 << 20);
        string[] machine = setting == "acpi=off" ? ["-machine", "acpi=off"] : [];
        string deviceOptions = setting == "vectors=0" ? ",vectors=0" : "";

        HostProcessResult run = Qemu.BootElfWith(Images.BlkDisk.Elf, "threads vda", [.. machine, .. disk.VirtioBlk("d0", deviceOptions)]);

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.Contains("modern transport") && line.EndsWith(", irq 10", StringComparison.Ordinal));
        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void EachDiskGetsItsOwnMsiXVector()
    {
        using var first = new DiskImage(1 << 20);
        using var second = new DiskImage(1 << 20);

        HostProcessResult run = Boot("write vdb 0 8 2", first.VirtioBlk("d0"), second.VirtioBlk("d1"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.EndsWith(", msi-x vector 0xc0", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vdb", StringComparison.Ordinal) && line.EndsWith(", msi-x vector 0xc1", StringComparison.Ordinal));
        Assert.Contains("write vdb 0+8: Ok, flush: Ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(second.Read(0, 8 * Sector), 0, 2));
    }

    // VIRTIO_BLK_F_BLK_SIZE: a disk of 4 KiB sectors is addressed in those sectors, while
    // the requests still count 512-byte units.
    [Fact]
    public void ADiskWithFourKibSectorsIsAddressedInThem()
    {
        using var disk = new DiskImage(4 << 20);

        HostProcessResult run = Boot("write vda 3 2 5", disk.VirtioBlk("d0", ",logical_block_size=4096,physical_block_size=4096"));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda", StringComparison.Ordinal) && line.Contains("1024 sectors of 4096 bytes"));
        Assert.Contains("write vda 3+2: Ok, flush: Ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(3 * 4096, 2 * 4096), 3 * 4096, 5));
        Assert.All(disk.Read(0, 3 * 4096), b => Assert.Equal(0, b));
    }
}
