using BlkTests;

namespace Unikraft.Boot.Tests;

// virtio-blk disks at the block level (tests/apps/blk-disk): what the guest writes is in the
// raw image file on the host, what the host writes the guest reads, on both virtio
// transports, with flush, read-only disks, several disks and the PCI listing.
public sealed class BlockDeviceBootTests
{
    private const int Sector = 512;

    public static TheoryData<string, string> Transports => new()
    {
        { ",disable-legacy=on", "modern" },
        { ",disable-modern=on", "legacy" },
    };

    private static ProcessResult Boot(string commandLine, params string[][] devices) =>
        Qemu.BootElfWith(Images.BlkDisk.Elf, commandLine, devices.SelectMany(d => d));

    [Theory]
    [MemberData(nameof(Transports))]
    public void TheHostReadsWhatTheGuestWrote(string deviceOptions, string transport)
    {
        using var disk = new DiskImage(1 << 20);

        ProcessResult run = Boot("write vda 7 9 42", disk.VirtioBlk("d0", deviceOptions));

        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda at ") && line.Contains(transport + " transport, 2048 sectors of 512 bytes") && line.Contains(", irq "));
        Assert.Contains("write vda 7+9: Ok, flush: Ok", run.Lines);
        byte[] written = disk.Read(7 * Sector, 9 * Sector);
        Assert.Equal(-1, DiskPattern.FirstMismatch(written, 7 * Sector, 42));
        // Only those sectors: the neighbours are still zero.
        Assert.All(disk.Read(6 * Sector, Sector), b => Assert.Equal(0, b));
        Assert.All(disk.Read(16 * Sector, Sector), b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void TheGuestReadsWhatTheHostWrote(string deviceOptions, string transport)
    {
        using var disk = new DiskImage(4 << 20);
        var pattern = new byte[600 * Sector];
        DiskPattern.Fill(pattern, 1000 * Sector, 77);
        disk.Write(1000 * Sector, pattern);

        ProcessResult matching = Boot("read vda 1000 600 77", disk.VirtioBlk("d0", deviceOptions));
        ProcessResult otherSeed = Boot("read vda 1000 600 78", disk.VirtioBlk("d0", deviceOptions));

        Assert.Contains(matching.Lines, line => line.Contains(transport + " transport, 8192 sectors"));
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
        string rules = Path.Combine(Path.GetTempPath(), "uk-blkdebug-" + Guid.NewGuid().ToString("N") + ".cfg");
        File.WriteAllText(rules, "[inject-error]\nevent = \"flush_to_disk\"\nerrno = \"5\"\n");
        try
        {
            ProcessResult run = Boot("write vda 3 2 5",
                ["-drive", "file=blkdebug:" + rules + ":" + disk.Path + ",if=none,id=d0,format=raw", "-device", "virtio-blk-pci,drive=d0"]);

            Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda") && line.Contains(", flush"));
            Assert.Contains("write vda 3+2: Ok, flush: IoError", run.Lines);
            Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
        }
        finally
        {
            File.Delete(rules);
        }
    }

    [Fact]
    public void ADeviceErrorOnReadIsReportedNotFatal()
    {
        using var disk = new DiskImage(1 << 20);
        string rules = Path.Combine(Path.GetTempPath(), "uk-blkdebug-" + Guid.NewGuid().ToString("N") + ".cfg");
        File.WriteAllText(rules, "[inject-error]\nevent = \"read_aio\"\nerrno = \"5\"\n");
        try
        {
            ProcessResult run = Boot("read vda 0 4 1",
                ["-drive", "file=blkdebug:" + rules + ":" + disk.Path + ",if=none,id=d0,format=raw", "-device", "virtio-blk-pci,drive=d0"]);

            Assert.Contains(run.Lines, line => line.StartsWith("read vda 0+4: IoError"));
            Assert.Equal(Qemu.ExitCodeFor(1), run.ExitCode);
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

        ProcessResult run = Boot("readonly vda", disk.VirtioBlk("d0", readOnly: true));

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] virtio-blk: vda") && line.Contains(", read-only"));
        Assert.Contains("read-only vda: IsReadOnly true, read: Ok, write: ReadOnly", run.Lines);
        Assert.Equal(pattern, disk.Read(0, Sector));
    }

    [Fact]
    public void TwoDisksOnDifferentTransportsAreVdaAndVdb()
    {
        using var first = new DiskImage(1 << 20);
        using var second = new DiskImage(2 << 20);

        ProcessResult list = Boot("list", first.VirtioBlk("d0", ",disable-legacy=on"), second.VirtioBlk("d1", ",disable-modern=on"));
        ProcessResult write = Boot("write vdb 4090 6 11", first.VirtioBlk("d0", ",disable-legacy=on"), second.VirtioBlk("d1", ",disable-modern=on"));

        Assert.Contains("disks: 2", list.Lines);
        Assert.Contains("disk vda: 2048 sectors of 512 bytes", list.Lines);
        Assert.Contains("disk vdb: 4096 sectors of 512 bytes", list.Lines);
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] virtio-blk: vda") && line.Contains("modern transport"));
        Assert.Contains(list.Lines, line => line.StartsWith("[ info] virtio-blk: vdb") && line.Contains("legacy transport"));
        Assert.Contains("write vdb 4090+6: Ok, flush: Ok", write.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(second.Read(4090 * Sector, 6 * Sector), 4090 * Sector, 11));
        Assert.All(first.Read(0, 1 << 20), b => Assert.Equal(0, b));
    }

    [Fact]
    public void RequestsPastTheEndOrOfPartialSectorsAreRefused()
    {
        using var disk = new DiskImage(1 << 20);

        ProcessResult run = Boot("bounds vda", disk.VirtioBlk("d0"));

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

        ProcessResult run = Boot("threads vda", disk.VirtioBlk("d0"));

        Assert.Contains("threads: all regions ok", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
        for (int t = 0; t < 4; t++)
            Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(t * 64 * Sector, 64 * Sector), (ulong)(t * 64 * Sector), 100 + t));
    }

    [Fact]
    public void OnQ35TheDiskWorksBehindThePcieHostBridge()
    {
        using var disk = new DiskImage(1 << 20);

        ProcessResult run = Qemu.BootElfWith(Images.BlkDisk.Elf, "write vda 10 8 9", ["-machine", "q35", .. disk.VirtioBlk("d0")]);

        Assert.Contains("write vda 10+8: Ok, flush: Ok", run.Lines);
        Assert.Equal(-1, DiskPattern.FirstMismatch(disk.Read(10 * Sector, 8 * Sector), 10 * Sector, 9));
    }

    [Fact]
    public void DevicesWithoutADriverAreListedOneLineEach()
    {
        using var disk = new DiskImage(1 << 20);

        ProcessResult run = Boot("list", disk.VirtioBlk("d0"), ["-device", "virtio-rng-pci"]);

        Assert.Contains("[ info] pci: 00:00.0 8086:1237 class 06.00 host bridge: no driver", run.Lines);
        Assert.Contains("[ info] pci: 00:01.0 8086:7000 class 06.01 ISA bridge: no driver", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("[ info] pci: ") && line.Contains(" 1af4:1005 ") && line.EndsWith(": no driver"));
        // The disk has its driver, so it is not in the list.
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("[ info] pci: ") && line.Contains("1af4:1001"));
        Assert.Contains("disks: 1", run.Lines);
    }
}
