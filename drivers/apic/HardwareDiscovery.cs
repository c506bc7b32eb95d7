using Uk.Core;
using Uk.Drivers.Acpi;
using Uk.Drivers.Apic.Controllers;
using Uk.Drivers.Apic.Kernel;
using Uk.Drivers.Apic.Time;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// Finds the interrupt controllers (ACPI's MADT, else the 8259s) and sets up the clocks,
// leaving every interrupt source masked: the interrupt code unmasks what it handles.
internal static class HardwareDiscovery
{
    private const int CalibrationMilliseconds = 10;

    public static void Run()
    {
        var ports = new MachinePorts();
        var cpu = new MachineCpu();
        var mmio = new MachineMmio();
        PlatformHardware.Cpu = new CpuFeatures(cpu);
        PlatformHardware.Pic = new LegacyPic(ports, InterruptVectors.PicBase);
        DiscoverInterruptControllers(mmio, cpu);
        StartClocks(ports, cpu);
    }

    private static void DiscoverInterruptControllers(IMmio mmio, ICpu cpu)
    {
        // The acpi library (a requirement) read the tables in the same init step, before this.
        AcpiDiscovery acpi = AcpiFirmware.Tables!;
        if (PlatformHardware.Cpu.HasLocalApic)
            PlatformHardware.LocalApic = new LocalApic(mmio, cpu, InterruptVectors.Spurious);

        Madt? madt = acpi.Madt;
        if (madt is null)
        {
            Log.Print(acpi.Status == AcpiStatus.NoRsdp ? LogLevel.Info : LogLevel.Warn,
                "acpi: " + AcpiStatusText.Describe(acpi.Status) + "; interrupts: legacy PIC (8259)");
            return;
        }
        var ioApics = new IoApic[madt.IoApics.Length];
        for (int i = 0; i < ioApics.Length; i++)
            ioApics[i] = new IoApic(mmio, madt.IoApics[i].Id, madt.IoApics[i].Address, madt.IoApics[i].GsiBase);
        PlatformHardware.IoApics = new InterruptRouting(ioApics, madt.Overrides);
        Log.Info("acpi: MADT lapic 0x" + madt.LocalApicAddress.ToString("X8") + ", " + DescribeIoApics(ioApics) + ", "
            + Plural(madt.Overrides.Length, "override") + ", " + Plural(madt.ProcessorCount, "CPU")
            + " (RSDP " + DescribeSource(acpi.Source) + ", ACPI " + (acpi.Rsdp.Revision >= 2 ? "2+" : "1.0") + ")");
    }

    private static void StartClocks(IPortIo ports, ICpu cpu)
    {
        string reference = "";
        ulong tscHz = PlatformHardware.Cpu.HasTimestampCounter ? CalibrateTsc(ports, cpu, out reference) : 0;
        string tsc = "TSC not calibrated";
        if (tscHz != 0)
        {
            PlatformHardware.Clock = new TscClock(cpu, tscHz, cpu.ReadTimestampCounter());
            tsc = "TSC " + TscClock.FormatHz(tscHz) + " (calibrated against " + reference + " in " + CalibrationMilliseconds.ToString() + " ms"
                + (PlatformHardware.Cpu.HasInvariantTsc ? ", invariant)" : ")");
        }

        string timer = "no local APIC timer";
        LocalApic? apic = PlatformHardware.LocalApic;
        if (apic is not null && tscHz != 0)
        {
            apic.InitializeTimer(InterruptVectors.Timer, tscHz, PlatformHardware.Cpu.HasTscDeadline);
            timer = apic.UsesTscDeadline ? "tsc-deadline yes" : "tsc-deadline no, APIC timer " + TscClock.FormatHz(apic.TimerHz);
        }

        byte century = AcpiFirmware.Tables?.CenturyRegister ?? 0;
        string wall = "wall clock unreadable";
        if (new CmosRtc(ports, century).TryRead(out CivilTime now))
        {
            PlatformHardware.BootWallClock = now;
            PlatformHardware.BootWallClockNanoseconds = PlatformHardware.Clock?.NowNanoseconds ?? 0;
            PlatformHardware.HasBootWallClock = true;
#if UK_BCL_DOTNET
            Internal.Runtime.WallClockSeam.Install(now.ToUnixSeconds(), (long)PlatformHardware.BootWallClockNanoseconds);
#endif
            wall = "wall clock " + now.ToIso8601();
        }
        Log.Info("time: " + tsc + ", " + timer + ", " + wall);
    }

    // The ACPI PM timer where the FADT names one (it is there whether or not the machine has
    // a PIT); else the PIT, which machines without ACPI tables have.
    private static ulong CalibrateTsc(IPortIo ports, ICpu cpu, out string reference)
    {
        Fadt? fadt = AcpiFirmware.Tables?.Fadt;
        IAcpiRegisters? registers = AcpiFirmware.Registers;
        if (fadt is not null && fadt.PmTimer.IsPresent && registers is not null && registers.CanReach(fadt.PmTimer))
        {
            ulong hz = PmTimerCalibration.TscHz(new AcpiPmTimer(registers, fadt.PmTimer), fadt.PmTimerBits, cpu, CalibrationMilliseconds);
            if (hz != 0)
            {
                reference = "the ACPI PM timer";
                return hz;
            }
            Log.Warn("time: the ACPI PM timer at " + fadt.PmTimer.Describe() + " does not count; trying the PIT");
        }
        reference = "the PIT";
        return PitCalibration.TscHz(ports, cpu, CalibrationMilliseconds);
    }

    private static string DescribeIoApics(IoApic[] ioApics)
    {
        string text = Plural(ioApics.Length, "I/O APIC") + " (";
        for (int i = 0; i < ioApics.Length; i++)
        {
            text += (i > 0 ? "; 0x" : "0x") + ioApics[i].Address.ToString("X8") + ", " + ioApics[i].PinCount.ToString() + " pins";
        }
        return text + ")";
    }

    private static string DescribeSource(RsdpSource source) => source switch
    {
        RsdpSource.BootLoaderCopy => "from the boot loader",
        RsdpSource.BootPointer => "from the boot information",
        _ => "found in the BIOS area",
    };

    private static string Plural(int count, string noun) => count.ToString() + " " + noun + (count == 1 ? "" : "s");
}
