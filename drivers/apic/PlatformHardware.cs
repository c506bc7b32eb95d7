using Uk.Drivers.Acpi;
using Uk.Drivers.Apic.Controllers;
using Uk.Drivers.Apic.Time;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic;

// The interrupt controllers and clocks the platform found at boot, for the interrupt and
// scheduler code to use. Set once by HardwareDiscovery in the plat init step.
public static class PlatformHardware
{
    public static CpuFeatures Cpu { get; internal set; }

    // Null without ACPI: then the legacy PIC is the interrupt controller.
    public static Madt? Madt => AcpiFirmware.Tables?.Madt;

    // Remapped to InterruptVectors.PicBase and fully masked.
    public static LegacyPic? Pic { get; internal set; }

    // Null when the CPU has no local APIC.
    public static LocalApic? LocalApic { get; internal set; }

    // Null without a MADT; every pin masked.
    public static InterruptRouting? IoApics { get; internal set; }

    public static bool UsesIoApic => IoApics is not null && LocalApic is not null;

    // Null when the TSC could not be calibrated.
    public static TscClock? Clock { get; internal set; }

    public static ulong TscHz => Clock?.Hz ?? 0;

    public static bool HasBootWallClock { get; internal set; }

    // UTC, read from the CMOS RTC at boot.
    public static CivilTime BootWallClock { get; internal set; }

    // The monotonic clock's reading when BootWallClock was taken.
    public static ulong BootWallClockNanoseconds { get; internal set; }
}
