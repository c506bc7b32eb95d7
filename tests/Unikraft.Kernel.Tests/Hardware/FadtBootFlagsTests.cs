using Uk.Drivers.Acpi;
using static Unikraft.Kernel.Tests.Hardware.AcpiTableBuilder;

namespace Unikraft.Kernel.Tests.Hardware;

// The FADT's IA-PC boot architecture flags, which tell the i8042 library whether the machine
// has an 8042: trusted from revision 3 (ACPI 2.0) on, ignored in older tables whose bytes
// there were reserved (QEMU's pc machine: revision 1, zeros, and an 8042 all the same).
public sealed class FadtBootFlagsTests
{
    private const ushort Has8042 = 0x0002, HasLegacyDevices = 0x0001;

    [Theory]
    [InlineData(3, HasLegacyDevices | Has8042, false)]
    [InlineData(3, HasLegacyDevices, true)]
    [InlineData(6, 0, true)]
    [InlineData(1, 0, false)]
    [InlineData(2, 0, false)]
    public void TheFlagsSayWhetherAn8042IsAbsent(byte revision, ushort flags, bool absent)
    {
        Assert.Equal(AcpiStatus.Found, FadtParser.Parse(FadtWithBootFlags(revision, flags), out Fadt? fadt));

        Assert.Equal(absent, fadt!.Says8042Absent);
        Assert.Equal(revision >= 3, fadt.HasBootArchitectureFlags);
        Assert.Equal(revision >= 3 ? flags : 0, fadt.BootArchitectureFlags);
    }

    private static byte[] FadtWithBootFlags(byte revision, ushort flags)
    {
        byte[] table = PowerFadt(0x1000, 0x604, extended: revision >= 3);
        table[8] = revision;
        BitConverter.GetBytes(flags).CopyTo(table, 109);
        return Resum(table);
    }
}
