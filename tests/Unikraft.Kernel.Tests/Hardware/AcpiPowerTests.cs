using Uk.Drivers.Acpi;
using static Unikraft.Kernel.Tests.Hardware.AcpiTableBuilder;

namespace Unikraft.Kernel.Tests.Hardware;

// The FADT's power fields, the DSDT's \_S5 package and the writes that power off and reset.
public sealed class AcpiPowerTests
{
    private const ulong RsdtAt = 0x7FE1000, FadtAt = 0x7FE4000, DsdtAt = 0x7FE5000;
    private const uint TimerValueExtended = 1 << 8, ResetRegisterSupported = 1 << 10, HardwareReduced = 1 << 20;

    // Name(_S5_, Package(4){Zero, Zero, Zero, Zero}) inside some unrelated AML.
    private static readonly byte[] QemuSoftOff = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00];

    private static byte[] Aml(params byte[][] pieces) => pieces.SelectMany(p => p).ToArray();

    private static bool Scan(byte[] aml, out SleepType type) =>
        SleepPackageScanner.TryFind(Dsdt(aml), SleepPackageScanner.SoftOff, out type);

    [Fact]
    public void Acpi1FadtNamesThePm1ControlPortsAndTheDsdt()
    {
        Assert.Equal(AcpiStatus.Found, FadtParser.Parse(PowerFadt((uint)DsdtAt, 0x604, 0x608), out Fadt? fadt));

        Assert.Equal(DsdtAt, fadt!.DsdtAddress);
        Assert.Equal(AddressSpace.SystemIo, fadt.Pm1aControl.Space);
        Assert.Equal(0x604UL, fadt.Pm1aControl.Address);
        Assert.Equal((byte)16, fadt.Pm1aControl.BitWidth);
        Assert.Equal(0x608UL, fadt.Pm1bControl.Address);
        Assert.False(fadt.ResetRegister.IsPresent);
        Assert.False(fadt.HardwareReduced);
    }

    [Fact]
    public void ThePmTimerIsAPortOf24BitsUnlessTheFlagWidensIt()
    {
        FadtParser.Parse(PowerFadt((uint)DsdtAt, 0x604, pmTimer: 0x608), out Fadt? narrow);
        Assert.Equal(AddressSpace.SystemIo, narrow!.PmTimer.Space);
        Assert.Equal(0x608UL, narrow.PmTimer.Address);
        Assert.Equal(24, narrow.PmTimerBits);

        FadtParser.Parse(PowerFadt((uint)DsdtAt, 0x604, pmTimer: 0x608, flags: TimerValueExtended), out Fadt? wide);
        Assert.Equal(32, wide!.PmTimerBits);

        FadtParser.Parse(PowerFadt((uint)DsdtAt, 0x604), out Fadt? none);
        Assert.False(none!.PmTimer.IsPresent);
    }

    [Fact]
    public void TheExtendedPmTimerWinsAndHardwareReducedMachinesHaveNone()
    {
        FadtParser.Parse(PowerFadt((uint)DsdtAt, 0x604, extended: true, pmTimer: 0x608, extendedPmTimer: Gas(0, 32, 0xFED0_0008)), out Fadt? extended);
        Assert.Equal(AddressSpace.SystemMemory, extended!.PmTimer.Space);
        Assert.Equal(0xFED0_0008UL, extended.PmTimer.Address);

        FadtParser.Parse(PowerFadt((uint)DsdtAt, 0, extended: true, pmTimer: 0x608, flags: HardwareReduced), out Fadt? reduced);
        Assert.False(reduced!.PmTimer.IsPresent);
    }

    [Fact]
    public void ExtendedFieldsWinAndTheResetRegisterNeedsItsFlag()
    {
        byte[] table = PowerFadt(0x1000, 0x604, extended: true, flags: ResetRegisterSupported,
            resetRegister: Gas(1, 8, 0xCF9), resetValue: 0x06, extendedDsdt: 0x1_2345_6000,
            extendedPm1aControl: Gas(0, 16, 0xFED8_0804), smiCommand: 0xB2, acpiEnable: 0xF1);

        Assert.Equal(AcpiStatus.Found, FadtParser.Parse(table, out Fadt? fadt));
        Assert.Equal(0x1_2345_6000UL, fadt!.DsdtAddress);
        Assert.Equal(AddressSpace.SystemMemory, fadt.Pm1aControl.Space);
        Assert.Equal(0xFED8_0804UL, fadt.Pm1aControl.Address);
        Assert.Equal(AddressSpace.SystemIo, fadt.ResetRegister.Space);
        Assert.Equal(0xCF9UL, fadt.ResetRegister.Address);
        Assert.Equal((byte)0x06, fadt.ResetValue);
        Assert.Equal(0xB2u, fadt.SmiCommandPort);
        Assert.Equal((byte)0xF1, fadt.AcpiEnableValue);

        byte[] unflagged = PowerFadt(0x1000, 0x604, extended: true, resetRegister: Gas(1, 8, 0xCF9), resetValue: 0x06);
        FadtParser.Parse(unflagged, out Fadt? withoutFlag);
        Assert.False(withoutFlag!.ResetRegister.IsPresent);
    }

    [Fact]
    public void ShortOrMislabelledFadtIsBadTable()
    {
        byte[] tooShort = Table("FACP", new byte[60]);
        byte[] wrongSignature = Table("FACS", new byte[200]);
        byte[] lyingLength = PowerFadt(0x1000, 0x604);
        BitConverter.GetBytes(300u).CopyTo(lyingLength, 4);

        Assert.Equal(AcpiStatus.BadTable, FadtParser.Parse(tooShort, out _));
        Assert.Equal(AcpiStatus.BadTable, FadtParser.Parse(wrongSignature, out _));
        Assert.Equal(AcpiStatus.BadTable, FadtParser.Parse(lyingLength, out _));
    }

    [Fact]
    public void SoftOffPackageOfZeroOpsIsFound()
    {
        byte[] aml = Aml([0x10, 0x05, 0x5C, 0x00], QemuSoftOff, [0x14, 0x08]);

        Assert.True(Scan(aml, out SleepType type));
        Assert.Equal((byte)0, type.A);
        Assert.Equal((byte)0, type.B);
    }

    [Theory]
    // BytePrefix 7, BytePrefix 7
    [InlineData(new byte[] { 0x0A, 0x07, 0x0A, 0x07 }, 7, 7)]
    // WordPrefix 5, OneOp
    [InlineData(new byte[] { 0x0B, 0x05, 0x00, 0x01 }, 5, 1)]
    // DWordPrefix 6, ZeroOp
    [InlineData(new byte[] { 0x0C, 0x06, 0x00, 0x00, 0x00, 0x00 }, 6, 0)]
    // QWordPrefix 0x15 (only SLP_TYP's three bits count), OnesOp
    [InlineData(new byte[] { 0x0E, 0x15, 0, 0, 0, 0, 0, 0, 0, 0xFF }, 5, 7)]
    public void EveryIntegerEncodingIsRead(byte[] elements, int a, int b)
    {
        byte[] package = [0x08, 0x5C, 0x5F, 0x53, 0x35, 0x5F, 0x12, (byte)(2 + elements.Length), 0x04, .. elements];

        Assert.True(Scan(package, out SleepType type));
        Assert.Equal((byte)a, type.A);
        Assert.Equal((byte)b, type.B);
    }

    [Fact]
    public void MultiBytePackageLengthIsSkipped()
    {
        // PkgLength 0x4A 0x01: one more byte follows the lead byte.
        byte[] aml = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x4A, 0x01, 0x02, 0x0A, 0x03, 0x0A, 0x04];

        Assert.True(Scan(aml, out SleepType type));
        Assert.Equal((byte)3, type.A);
        Assert.Equal((byte)4, type.B);
    }

    [Fact]
    public void AReferenceToTheNameIsPassedOverForItsDefinition()
    {
        // Store(\_S5_, Local0) mentions the name without NameOp; the definition follows.
        byte[] reference = [0x70, 0x5C, 0x5F, 0x53, 0x35, 0x5F, 0x60];
        byte[] definition = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x06];

        Assert.True(Scan(Aml(reference, definition), out SleepType type));
        Assert.Equal((byte)5, type.A);
        Assert.Equal((byte)6, type.B);
    }

    [Theory]
    // No _S5_ at all (only _S4_).
    [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x34, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x05 })]
    // Not a package.
    [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x0A, 0x05 })]
    // Fewer than two elements.
    [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x03, 0x01, 0x0A, 0x05 })]
    // An element that is not an integer constant (a name reference).
    [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x08, 0x02, 0x53, 0x4C, 0x50, 0x35, 0x00 })]
    // Cut off inside the second integer.
    [InlineData(new byte[] { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0B, 0x05 })]
    public void MissingOrMalformedPackagesAreNotFound(byte[] aml)
    {
        Assert.False(Scan(aml, out _));
    }

    [Fact]
    public void TheHeaderIsNotScanned()
    {
        byte[] dsdt = Dsdt([0x00]);
        // "_S5_" in the OEM table id, with a NameOp before it and a package after: header bytes.
        byte[] header = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05];
        header.CopyTo(dsdt, 16);

        Assert.False(SleepPackageScanner.TryFind(dsdt, SleepPackageScanner.SoftOff, out _));
    }

    private static AcpiDiscovery Discover(byte[] fadt, byte[]? dsdt)
    {
        FakePhysicalBytes memory = new FakePhysicalBytes().Place(RsdtAt, Rsdt((uint)FadtAt)).Place(FadtAt, fadt);
        if (dsdt is not null)
            memory.Place(DsdtAt, dsdt);
        return AcpiDiscovery.Run(memory, Rsdp(0, (uint)RsdtAt), 0, 0);
    }

    [Fact]
    public void DiscoveryFollowsTheFadtToTheDsdtsSoftOffPackage()
    {
        byte[] softOff = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x06];
        byte[] dsdt = Dsdt(softOff);
        dsdt[9] ^= 0x55;                   // a wrong DSDT checksum, as some firmware ships

        AcpiDiscovery acpi = Discover(PowerFadt((uint)DsdtAt, 0x604), dsdt);

        Assert.Equal(AcpiStatus.Found, acpi.FadtStatus);
        Assert.True(acpi.HasSoftOff);
        Assert.Equal((byte)5, acpi.SoftOff.A);
        Assert.Equal((byte)6, acpi.SoftOff.B);
        Assert.Equal(AcpiStatus.TableNotFound, acpi.Status);   // no MADT: apic's concern
    }

    [Fact]
    public void PowerOffWritesTheSleepTypeWithSleepEnableKeepingTheOtherBits()
    {
        var registers = new FakeAcpiRegisters();
        registers.Values[0x604] = 0x0001;                  // SCI_EN: already in ACPI mode
        registers.Values[0x608] = 0x1C01;                  // a stale SLP_TYP is replaced
        byte[] softOff = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x02];
        var power = new AcpiPowerControl(Discover(PowerFadt((uint)DsdtAt, 0x604, 0x608, smiCommand: 0xB2, acpiEnable: 0xF1), Dsdt(softOff)), registers);

        Assert.Null(power.PowerOffUnavailable);
        string failure = power.PowerOff();

        Assert.Equal(
            [(0x604UL, 16, 0x0001UL | 5 << 10), (0x604UL, 16, 0x0001UL | 5 << 10 | 1 << 13),
             (0x608UL, 16, 0x0001UL | 2 << 10), (0x608UL, 16, 0x0001UL | 2 << 10 | 1 << 13)],
            registers.Writes);
        Assert.Equal(1, registers.Settles);
        Assert.Contains("did not power off", failure);
    }

    [Fact]
    public void LegacyModeFirmwareIsAskedForAcpiModeFirst()
    {
        var registers = new FakeAcpiRegisters();
        registers.OnWrite = (address, value) =>
        {
            if (address == 0xB2 && value == 0xF1)
                registers.Values[0x604] = registers.Values.GetValueOrDefault(0x604UL) | 1;   // the firmware sets SCI_EN
        };
        var power = new AcpiPowerControl(Discover(PowerFadt((uint)DsdtAt, 0x604, smiCommand: 0xB2, acpiEnable: 0xF1), Dsdt(QemuSoftOff)), registers);

        power.PowerOff();

        Assert.Equal([(0xB2UL, 8, 0xF1UL), (0x604UL, 16, 0x0001UL), (0x604UL, 16, 0x0001UL | 1 << 13)], registers.Writes);
    }

    [Fact]
    public void HardwareReducedMachinesSleepThroughTheSleepControlRegister()
    {
        byte[] fadt = PowerFadt((uint)DsdtAt, 0, extended: true, flags: HardwareReduced, sleepControl: Gas(1, 8, 0x404));
        byte[] softOff = [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x00];
        var registers = new FakeAcpiRegisters();

        var power = new AcpiPowerControl(Discover(fadt, Dsdt(softOff)), registers);
        power.PowerOff();

        Assert.Equal([(0x404UL, 8, 5UL << 2 | 1 << 5)], registers.Writes);
    }

    [Fact]
    public void ResetWritesTheResetValueToTheResetRegister()
    {
        byte[] fadt = PowerFadt((uint)DsdtAt, 0x604, extended: true, flags: ResetRegisterSupported, resetRegister: Gas(1, 8, 0xCF9), resetValue: 0x06);
        var registers = new FakeAcpiRegisters();
        var power = new AcpiPowerControl(Discover(fadt, Dsdt(QemuSoftOff)), registers);

        Assert.Equal("power-off through port 0x604 (S5 sleep type 0), reset through port 0xCF9 (0x06)", power.Describe());
        string failure = power.Reset();

        Assert.Equal([(0xCF9UL, 8, 0x06UL)], registers.Writes);
        Assert.Contains("did not reset", failure);
    }

    [Fact]
    public void WithoutSoftOffOrResetRegisterNothingIsWrittenAndTheReasonIsGiven()
    {
        byte[] noSoftOff = [0x08, 0x5F, 0x53, 0x34, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x05];
        var registers = new FakeAcpiRegisters();
        var power = new AcpiPowerControl(Discover(PowerFadt((uint)DsdtAt, 0x604), Dsdt(noSoftOff)), registers);

        Assert.Equal("no ACPI power-off: the DSDT defines no \\_S5 package", power.PowerOff());
        Assert.Equal("no ACPI reset register: the FADT names none", power.Reset());
        Assert.Empty(registers.Writes);
        Assert.Equal(0, registers.Settles);
    }

    [Fact]
    public void ADsdtThatCannotBeReadIsNamedAsTheReason()
    {
        var missing = new AcpiPowerControl(Discover(PowerFadt(0, 0x604), null), new FakeAcpiRegisters());
        var unmapped = new AcpiPowerControl(Discover(PowerFadt((uint)DsdtAt, 0x604), null), new FakeAcpiRegisters());
        var mislabelled = new AcpiPowerControl(Discover(PowerFadt((uint)DsdtAt, 0x604), Table("SSDT", QemuSoftOff)), new FakeAcpiRegisters());

        Assert.Equal("the FADT names no DSDT", missing.PowerOffUnavailable);
        Assert.Equal("the DSDT at 0x7FE5000 is out of reach", unmapped.PowerOffUnavailable);
        Assert.Equal("the DSDT at 0x7FE5000 has a bad signature or length", mislabelled.PowerOffUnavailable);
    }

    [Fact]
    public void ABlockOutOfReachIsRefused()
    {
        byte[] fadt = PowerFadt((uint)DsdtAt, 0x604, extended: true, extendedPm1aControl: Gas(0, 16, 0x20_0000_0000));
        var registers = new FakeAcpiRegisters { Reachable = register => register.Space != AddressSpace.SystemMemory };

        var power = new AcpiPowerControl(Discover(fadt, Dsdt(QemuSoftOff)), registers);

        Assert.Equal("the PM1 control block memory 0x2000000000 is out of reach", power.PowerOffUnavailable);
        power.PowerOff();
        Assert.Empty(registers.Writes);
    }

    [Fact]
    public void NoFadtMeansNoPowerOff()
    {
        AcpiDiscovery acpi = AcpiDiscovery.Run(new FakePhysicalBytes(), default, 0, 0);

        var power = new AcpiPowerControl(acpi, new FakeAcpiRegisters());

        Assert.StartsWith("no ACPI power-off: no FADT: no RSDP", power.PowerOff());
    }

    private sealed class FakeAcpiRegisters : IAcpiRegisters
    {
        public Dictionary<ulong, ulong> Values { get; } = new();

        public List<(ulong Address, int Bits, ulong Value)> Writes { get; } = new();

        public Action<ulong, ulong>? OnWrite { get; set; }

        public Func<GenericAddress, bool> Reachable { get; set; } = _ => true;

        public int Settles { get; private set; }

        public bool CanReach(GenericAddress register) => Reachable(register);

        public ulong Read(GenericAddress register, int bits) => Values.GetValueOrDefault(register.Address);

        public void Write(GenericAddress register, int bits, ulong value)
        {
            Writes.Add((register.Address, bits, value));
            Values[register.Address] = value;
            OnWrite?.Invoke(register.Address, value);
        }

        public void Settle() => Settles++;
    }
}
