using Uk.BlkDev;
using Uk.Drivers.Nvme;

namespace Unikraft.Nvme.Tests;

// What a request becomes on the submission queue: the opcode, namespace 1, the LBA and
// zero-based count, and the data as PRP1, PRP2 and a PRP list when it spans more than two
// pages. The controller walks them (FakeNvme asserts the page rules) and the bytes arrive.
public sealed unsafe class TransferTests
{
    [Fact]
    public void AReadWithinOnePageHasOnlyPrp1()
    {
        var rig = new NvmeRig(new FakeNamespace(72_000));
        Pattern.Fill(rig.Namespace.Bytes, 1);
        Span<byte> buffer = PageAligned(2 * 512, out ulong address);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(70_007, buffer.Slice(0, 1024)));

        Command read = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(NvmeProtocol.Read, read.Opcode);
        Assert.Equal(1u, read.Namespace);
        Assert.Equal(70_007u, read.Dword10);
        Assert.Equal(0u, read.Dword11);
        Assert.Equal(1u, read.Dword12);
        Assert.Equal(address, read.Prp1);
        Assert.Equal(0ul, read.Prp2);
        Assert.True(buffer.Slice(0, 1024).SequenceEqual(rig.Namespace.Bytes.AsSpan(70_007 * 512, 1024)));
    }

    [Fact]
    public void ATransferOverTwoPagesHasTheSecondPageInPrp2()
    {
        var rig = new NvmeRig();
        Span<byte> buffer = PageAligned(3 * 4096, out ulong address);
        Pattern.Fill(buffer, 2);
        // 4 KiB starting 2 KiB into a page: the rest is in the next page.
        Span<byte> data = buffer.Slice(2048, 4096);

        Assert.Equal(BlockStatus.Ok, rig.Device.Write(100, data));

        Command write = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(NvmeProtocol.Write, write.Opcode);
        Assert.Equal(7u, write.Dword12);
        Assert.Equal(address + 2048, write.Prp1);
        Assert.Equal(address + 4096, write.Prp2);
        Assert.True(data.SequenceEqual(rig.Namespace.Bytes.AsSpan(100 * 512, 4096)));
    }

    [Fact]
    public void ALargerTransferPutsEveryFurtherPageInAPrpList()
    {
        var rig = new NvmeRig(new FakeNamespace(4096));
        Pattern.Fill(rig.Namespace.Bytes, 3);
        Span<byte> buffer = PageAligned(20 * 4096, out ulong address);
        // 64 KiB from 512 bytes into a page: a partial first page, 15 whole ones, a partial last.
        Span<byte> data = buffer.Slice(512, 64 * 1024);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(1000, data));

        Command read = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(127u, read.Dword12);
        Assert.Equal(address + 512, read.Prp1);
        Assert.Equal(rig.Device.Queue.ListAddress, read.Prp2);
        ulong[] list = read.ListEntries(64 * 1024);
        Assert.Equal(16, list.Length);
        for (int i = 0; i < list.Length; i++)
            Assert.Equal(address + (ulong)(i + 1) * 4096, list[i]);
        Assert.True(data.SequenceEqual(rig.Namespace.Bytes.AsSpan(1000 * 512, 64 * 1024)));
    }

    [Fact]
    public void ARequestOverTheLimitGoesOutInSeveralCommands()
    {
        var rig = new NvmeRig(new FakeNamespace(8192));
        Pattern.Fill(rig.Namespace.Bytes, 4);
        byte[] buffer = GC.AllocateArray<byte>(600 * 512, pinned: true);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(1000, buffer));

        Assert.Equal([1000u, 1512u], rig.Controller.IoCommands.Select(c => c.Dword10));
        Assert.Equal([511u, 87u], rig.Controller.IoCommands.Select(c => c.Dword12));
        Assert.True(buffer.AsSpan().SequenceEqual(rig.Namespace.Bytes.AsSpan(1000 * 512, 600 * 512)));
    }

    // Sector numbers past 32 bits go in CDW11 (a namespace that large does not fit in a
    // test, so the queue is driven directly and the controller answers out of range).
    [Fact]
    public void ALbaPast32BitsFillsBothDwords()
    {
        var rig = new NvmeRig(new FakeNamespace(8));
        PageAligned(512, out ulong address);

        rig.Device.Queue.Issue(NvmeProtocol.Read, 0x1_2345_6789, 1, address, 512);

        Assert.Equal(CommandResult.Failed, rig.Device.Queue.Poll());
        Assert.Equal(NvmeProtocol.StatusLbaOutOfRange, rig.Device.Queue.LastStatus);
        Command read = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(0x2345_6789u, read.Dword10);
        Assert.Equal(1u, read.Dword11);
        Assert.Equal(0u, read.Dword12);
        Assert.Equal(BlockStatus.OutOfRange, rig.Device.Submit(BlockRequest.Read(8, new byte[512], 0, 512)));
    }

    [Fact]
    public void ABufferOffADwordBoundaryGoesThroughAnAlignedCopy()
    {
        var rig = new NvmeRig();
        Pattern.Fill(rig.Namespace.Bytes, 5);
        Span<byte> buffer = PageAligned(2 * 4096, out ulong address);

        Assert.Equal(BlockStatus.Ok, rig.Device.Read(2, buffer.Slice(1, 1024)));

        Command read = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(0ul, read.Prp1 & 3);
        Assert.NotEqual(address + 1, read.Prp1);
        Assert.True(buffer.Slice(1, 1024).SequenceEqual(rig.Namespace.Bytes.AsSpan(2 * 512, 1024)));
    }

    [Fact]
    public void AFlushIsTheFlushCommandWithNoData()
    {
        var rig = new NvmeRig();

        Assert.Equal(BlockStatus.Ok, rig.Device.Flush());

        Command flush = Assert.Single(rig.Controller.IoCommands);
        Assert.Equal(NvmeProtocol.Flush, flush.Opcode);
        Assert.Equal(1u, flush.Namespace);
        Assert.Equal(0ul, flush.Prp1);
        Assert.Equal(1, rig.Namespace.Flushes);
    }

    // The completion ring wraps every 4 entries here: the controller flips the phase it
    // writes each time, and the driver must flip the one it expects, or it would take old
    // entries for new ones (or never see new ones).
    [Fact]
    public void CompletionsAreFoundAcrossManyPhaseWraps()
    {
        var rig = new NvmeRig(new FakeNamespace(256), maximumEntries: 4);
        Pattern.Fill(rig.Namespace.Bytes, 6);
        byte[] buffer = GC.AllocateArray<byte>(512, pinned: true);

        for (int i = 0; i < 19; i++)
        {
            Assert.Equal(BlockStatus.Ok, rig.Device.Read((ulong)i, buffer));
            Assert.True(buffer.AsSpan().SequenceEqual(rig.Namespace.Bytes.AsSpan(i * 512, 512)), "sector " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(4, rig.Controller.IoEntries);
        Assert.Equal(19, rig.Controller.IoCommands.Count);
        // 19 completions through 4 slots: 4 wraps, so the phase was 0 twice and 1 three times.
        Assert.Equal(4, rig.Controller.IoCompletionWraps);
        Assert.Equal(19, rig.Controller.IoCommands.Select(c => c.Id).Distinct().Count());
        // The head doorbell followed every completion, wrapping at 4.
        int headDoorbell = NvmeRegisters.CompletionDoorbell(1, 4);
        Assert.Equal(Enumerable.Range(1, 19).Select(n => (uint)(n % 4)), rig.Controller.Writes.Where(w => w.Offset == headDoorbell).Select(w => w.Value));
    }

    // Managed arrays are not page-aligned: native memory that starts on a page (never
    // freed; a few pages per test).
    private static Span<byte> PageAligned(int bytes, out ulong address)
    {
        void* memory = System.Runtime.InteropServices.NativeMemory.AlignedAlloc((nuint)bytes, 4096);
        address = (ulong)memory;
        var span = new Span<byte>(memory, bytes);
        span.Clear();
        return span;
    }
}
