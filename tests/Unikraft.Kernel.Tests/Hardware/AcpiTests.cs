using Uk.Drivers.Acpi;
using Uk.Drivers.Apic.Controllers;
using static Unikraft.Kernel.Tests.Hardware.AcpiTableBuilder;

namespace Unikraft.Kernel.Tests.Hardware;

// RSDP → RSDT/XSDT → MADT over fake physical memory, laid out like QEMU's tables.
public sealed class AcpiTests
{
    private const ulong RsdtAt = 0x7FE1000, XsdtAt = 0x7FE2000, MadtAt = 0x7FE3000, FadtAt = 0x7FE4000;

    private static byte[] QemuMadt() => Madt(0xFEE00000, 1,
        LocalApicEntry(0, 0, enabled: true),
        LocalApicEntry(1, 1, enabled: false),
        IoApicEntry(0, 0xFEC00000, 0),
        OverrideEntry(0, 2, 0),
        OverrideEntry(9, 9, 0b1101),          // level, active high
        OverrideEntry(11, 11, 0b1111),        // level, active low
        NmiSourceEntry(0b0111, 23),
        LocalApicNmiEntry(0xFF, 0, 1));

    private static FakePhysicalBytes Memory(byte[] madt) => new FakePhysicalBytes()
        .Place(RsdtAt, Rsdt((uint)FadtAt, (uint)MadtAt))
        .Place(XsdtAt, Xsdt(FadtAt, MadtAt))
        .Place(MadtAt, madt)
        .Place(FadtAt, Fadt(0x32));

    [Fact]
    public void Version1RsdpLeadsThroughTheRsdtToTheMadt()
    {
        AcpiDiscovery acpi = AcpiDiscovery.Run(Memory(QemuMadt()), Rsdp(0, (uint)RsdtAt), 0, 0);

        Assert.Equal(AcpiStatus.Found, acpi.Status);
        Assert.Equal(RsdpSource.BootLoaderCopy, acpi.Source);
        Madt madt = acpi.Madt!;
        Assert.Equal(0xFEE00000UL, madt.LocalApicAddress);
        Assert.True(madt.HasLegacyPics);
        Assert.Equal(1, madt.ProcessorCount);
        IoApicDescription ioApic = Assert.Single(madt.IoApics);
        Assert.Equal(0xFEC00000UL, ioApic.Address);
        Assert.Equal(0u, ioApic.GsiBase);
        Assert.Equal(3, madt.Overrides.Length);
        Assert.Equal((byte)0, madt.Overrides[0].IsaIrq);
        Assert.Equal(2u, madt.Overrides[0].Gsi);
        Assert.Equal(InterruptPolarity.Conforming, madt.Overrides[0].Polarity);
        Assert.Equal(InterruptTrigger.Level, madt.Overrides[1].Trigger);
        Assert.Equal(InterruptPolarity.ActiveHigh, madt.Overrides[1].Polarity);
        Assert.Equal(InterruptPolarity.ActiveLow, madt.Overrides[2].Polarity);
        Assert.Equal(23u, Assert.Single(madt.NmiSources).Gsi);
        LocalApicNmi lint = Assert.Single(madt.LocalApicNmis);
        Assert.Equal(LocalApicNmi.AllProcessors, lint.ProcessorUid);
        Assert.Equal((byte)1, lint.Lint);
        Assert.Equal((byte)0x32, acpi.CenturyRegister);
    }

    [Fact]
    public void Version2RsdpUsesTheXsdt()
    {
        // The RSDT points nowhere useful: only the XSDT can lead to the MADT.
        FakePhysicalBytes memory = Memory(QemuMadt()).Place(0x100000, Rsdt());
        AcpiDiscovery acpi = AcpiDiscovery.Run(memory, Rsdp(2, 0x100000, XsdtAt), 0, 0);

        Assert.Equal(AcpiStatus.Found, acpi.Status);
        Assert.Equal((byte)2, acpi.Rsdp.Revision);
        Assert.Equal(XsdtAt, acpi.Rsdp.XsdtAddress);
        Assert.Single(acpi.Madt!.IoApics);
    }

    [Fact]
    public void SixtyFourBitOverrideReplacesTheLocalApicAddress()
    {
        byte[] madt = Madt(0xFEE00000, 0, AddressOverrideEntry(0x1_0000_0000), IoApicEntry(1, 0xFEC01000, 24));

        Assert.Equal(AcpiStatus.Found, MadtParser.Parse(madt, out Madt? parsed));
        Assert.Equal(0x1_0000_0000UL, parsed!.LocalApicAddress);
        Assert.False(parsed.HasLegacyPics);
        Assert.Equal(24u, parsed.IoApics[0].GsiBase);
    }

    [Fact]
    public void BootPointerIsFollowedWhenThereIsNoCopy()
    {
        FakePhysicalBytes memory = Memory(QemuMadt()).Place(0xF5A00, Rsdp(0, (uint)RsdtAt));

        AcpiDiscovery acpi = AcpiDiscovery.Run(memory, default, 0xF5A00, 0);

        Assert.Equal(AcpiStatus.Found, acpi.Status);
        Assert.Equal(RsdpSource.BootPointer, acpi.Source);
    }

    [Fact]
    public void ScanFindsTheRsdpOnASixteenByteBoundaryInTheBiosArea()
    {
        byte[] bios = new byte[0x20000];
        // Decoys: a misaligned copy and an aligned one with a broken checksum.
        Rsdp(0, 0xBAD).CopyTo(bios, 0x1008);
        byte[] broken = Rsdp(0, (uint)RsdtAt);
        broken[8] ^= 0xFF;
        broken.CopyTo(bios, 0x2000);
        Rsdp(0, (uint)RsdtAt).CopyTo(bios, 0x5A10);
        FakePhysicalBytes memory = Memory(QemuMadt()).Place(0xE0000, bios);

        Assert.True(RsdpScanner.TryFind(memory, 0, out ulong address, out Rsdp rsdp));
        Assert.Equal(0xE5A10UL, address);
        Assert.Equal((uint)RsdtAt, rsdp.RsdtAddress);
        Assert.Equal(RsdpSource.BiosScan, AcpiDiscovery.Run(memory, default, 0, 0).Source);
    }

    [Fact]
    public void ScanLooksInTheEbdaFirst()
    {
        byte[] ebda = new byte[1024];
        Rsdp(0, 0x1234).CopyTo(ebda, 0x40);
        byte[] bios = new byte[0x20000];
        Rsdp(0, (uint)RsdtAt).CopyTo(bios, 0x100);
        FakePhysicalBytes memory = new FakePhysicalBytes().Place(0x9FC00, ebda).Place(0xE0000, bios);

        Assert.True(RsdpScanner.TryFind(memory, 0x9FC0, out ulong address, out Rsdp rsdp));
        Assert.Equal(0x9FC40UL, address);
        Assert.Equal(0x1234u, rsdp.RsdtAddress);
    }

    [Fact]
    public void NoRsdpAnywhereIsReportedNotThrown()
    {
        var memory = new FakePhysicalBytes().Place(0xE0000, new byte[0x20000]);

        AcpiDiscovery acpi = AcpiDiscovery.Run(memory, default, 0, 0);

        Assert.Equal(AcpiStatus.NoRsdp, acpi.Status);
        Assert.Null(acpi.Madt);
    }

    [Fact]
    public void BadRsdpChecksumsAreRejected()
    {
        byte[] v1 = Rsdp(0, 0x1000);
        v1[16] ^= 1;
        byte[] v2 = Rsdp(2, 0x1000, 0x2000);
        v2[24] ^= 1;                       // covered only by the extended checksum

        Assert.Equal(AcpiStatus.BadRsdp, Uk.Drivers.Acpi.Rsdp.Parse(v1, out _));
        Assert.Equal(AcpiStatus.BadRsdp, Uk.Drivers.Acpi.Rsdp.Parse(v2, out _));
        Assert.Equal(AcpiStatus.BadRsdp, Uk.Drivers.Acpi.Rsdp.Parse(Rsdp(2, 0x1000, 0x2000).AsSpan(0, 20), out _));
        Assert.Equal(AcpiStatus.BadRsdp, AcpiDiscovery.Run(new FakePhysicalBytes(), v1, 0, 0).Status);
    }

    [Fact]
    public void BadBootCopyStillLeavesTheScan()
    {
        byte[] bad = Rsdp(0, 0x1000);
        bad[8]++;
        byte[] bios = new byte[0x20000];
        Rsdp(0, (uint)RsdtAt).CopyTo(bios, 0x40);

        AcpiDiscovery acpi = AcpiDiscovery.Run(Memory(QemuMadt()).Place(0xE0000, bios), bad, 0, 0);

        Assert.Equal(AcpiStatus.Found, acpi.Status);
        Assert.Equal(RsdpSource.BiosScan, acpi.Source);
    }

    [Fact]
    public void RootTableWithBadChecksumOrLengthIsRejected()
    {
        byte[] badSum = Rsdt((uint)MadtAt);
        badSum[36] ^= 1;
        byte[] shortLength = Rsdt((uint)MadtAt);
        BitConverter.GetBytes(20u).CopyTo(shortLength, 4);
        byte[] ragged = Resum(Table("RSDT", [1, 2, 3, 4, 5, 6]));   // not a whole number of entries

        foreach (byte[] rsdt in new[] { badSum, Resum(shortLength), ragged })
        {
            FakePhysicalBytes memory = new FakePhysicalBytes().Place(RsdtAt, rsdt).Place(MadtAt, QemuMadt());
            Assert.Equal(AcpiStatus.BadRootTable, AcpiDiscovery.Run(memory, Rsdp(0, (uint)RsdtAt), 0, 0).Status);
        }
    }

    [Fact]
    public void TableLongerThanTheMemoryHoldingItIsOutOfReach()
    {
        byte[] rsdt = Rsdt((uint)MadtAt);
        BitConverter.GetBytes(4096u).CopyTo(rsdt, 4);
        FakePhysicalBytes memory = new FakePhysicalBytes().Place(RsdtAt, Resum(rsdt));

        Assert.Equal(AcpiStatus.OutOfReach, AcpiDiscovery.Run(memory, Rsdp(0, (uint)RsdtAt), 0, 0).Status);
    }

    [Fact]
    public void MissingMadtIsTableNotFound()
    {
        FakePhysicalBytes memory = new FakePhysicalBytes().Place(RsdtAt, Rsdt((uint)FadtAt)).Place(FadtAt, Fadt(0));

        AcpiDiscovery acpi = AcpiDiscovery.Run(memory, Rsdp(0, (uint)RsdtAt), 0, 0);

        Assert.Equal(AcpiStatus.TableNotFound, acpi.Status);
        Assert.Null(acpi.Madt);
    }

    [Fact]
    public void MadtWithBadChecksumIsRejected()
    {
        byte[] madt = QemuMadt();
        madt[40] ^= 1;

        Assert.Equal(AcpiStatus.BadTable, AcpiDiscovery.Run(Memory(madt), Rsdp(0, (uint)RsdtAt), 0, 0).Status);
    }

    public static TheoryData<string, byte[]> BrokenEntries => new()
    {
        { "zero-length entry", [2, 0, 0, 0] },
        { "entry past the end", [1, 12, 0, 0, 0, 0] },
        { "I/O APIC entry too short", [1, 8, 0, 0, 0, 0, 0xC0, 0xFE] },
        { "override entry too short", [2, 6, 0, 0, 2, 0] },
        { "half an entry header", [1] },
    };

    [Theory]
    [MemberData(nameof(BrokenEntries))]
    public void TruncatedMadtEntriesAreRejected(string name, byte[] entry)
    {
        byte[] madt = Madt(0xFEE00000, 1, IoApicEntry(0, 0xFEC00000, 0), entry);

        Assert.True(AcpiStatus.BadTable == AcpiDiscovery.Run(Memory(madt), Rsdp(0, (uint)RsdtAt), 0, 0).Status, name);
    }

    [Fact]
    public void MadtLengthFieldMustMatchTheTable()
    {
        byte[] madt = QemuMadt();

        Assert.Equal(AcpiStatus.BadTable, MadtParser.Parse(madt.AsSpan(0, madt.Length - 4), out _));
    }

    [Fact]
    public void UnknownEntryTypesAreSkipped()
    {
        byte[] madt = Madt(0xFEE00000, 1, [0x7F, 5, 1, 2, 3], IoApicEntry(0, 0xFEC00000, 0));

        Assert.Equal(AcpiStatus.Found, MadtParser.Parse(madt, out Madt? parsed));
        Assert.Single(parsed!.IoApics);
    }
}
