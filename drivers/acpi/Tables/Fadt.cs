namespace Uk.Drivers.Acpi;

// What the Fixed ACPI Description Table ("FACP") says about power, reset and the PM timer.
public sealed class Fadt
{
    public Fadt(ulong dsdtAddress, GenericAddress pm1aControl, GenericAddress pm1bControl, uint smiCommandPort,
        byte acpiEnableValue, byte centuryRegister, bool hardwareReduced, GenericAddress resetRegister, byte resetValue,
        GenericAddress sleepControl, GenericAddress pmTimer = default, bool pmTimerIs32Bits = false,
        ushort bootArchitectureFlags = 0, bool hasBootArchitectureFlags = false)
    {
        PmTimer = pmTimer;
        PmTimerBits = pmTimerIs32Bits ? 32 : 24;
        DsdtAddress = dsdtAddress;
        Pm1aControl = pm1aControl;
        Pm1bControl = pm1bControl;
        SmiCommandPort = smiCommandPort;
        AcpiEnableValue = acpiEnableValue;
        CenturyRegister = centuryRegister;
        HardwareReduced = hardwareReduced;
        ResetRegister = resetRegister;
        ResetValue = resetValue;
        SleepControl = sleepControl;
        BootArchitectureFlags = bootArchitectureFlags;
        HasBootArchitectureFlags = hasBootArchitectureFlags;
    }

    // X_DSDT when the table has a non-zero one, else DSDT.
    public ulong DsdtAddress { get; }

    // PM1a_CNT: where SLP_TYP and SLP_EN are written to enter a sleep state (S5 is off).
    public GenericAddress Pm1aControl { get; }

    // Not present on most machines.
    public GenericAddress Pm1bControl { get; }

    // Writing AcpiEnableValue here hands the PM registers from SMM to the OS; 0 when the
    // machine is always in ACPI mode.
    public uint SmiCommandPort { get; }

    public byte AcpiEnableValue { get; }

    // The CMOS index of the century, 0 when the RTC has none.
    public byte CenturyRegister { get; }

    // HW_REDUCED_ACPI: no PM1 blocks; sleep goes through SleepControl.
    public bool HardwareReduced { get; }

    // Not present when the FADT is too old or its RESET_REG_SUP flag is clear.
    public GenericAddress ResetRegister { get; }

    public byte ResetValue { get; }

    // SLEEP_CONTROL_REG of hardware-reduced machines; not present otherwise.
    public GenericAddress SleepControl { get; }

    // PM_TMR_BLK (X_PM_TMR_BLK when set): the power-management timer, a counter at
    // 3.579545 MHz every non-reduced ACPI machine has; not present on hardware-reduced ones.
    public GenericAddress PmTimer { get; }

    // 24, or 32 when the FADT's TMR_VAL_EXT flag says the counter is that wide.
    public int PmTimerBits { get; }

    // IAPC_BOOT_ARCH: which legacy PC devices the machine has (bit 1: an 8042 keyboard
    // controller). Only in FADTs of revision 3 (ACPI 2.0) and later, where
    // HasBootArchitectureFlags; the field was reserved before (QEMU's pc machine has a
    // revision 1 FADT with zeros there, and an 8042).
    public ushort BootArchitectureFlags { get; }

    public bool HasBootArchitectureFlags { get; }

    // The firmware says outright that there is no 8042 (q35 with i8042=off, most current PCs
    // without PS/2 ports); false when it cannot say.
    public bool Says8042Absent => HasBootArchitectureFlags && (BootArchitectureFlags & BootArchitecture8042) == 0;

    private const ushort BootArchitecture8042 = 0x0002;
}
