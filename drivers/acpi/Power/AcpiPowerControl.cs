using Uk.Core;

namespace Uk.Drivers.Acpi;

// Power-off and reset the way ACPI describes them: S5 is entered by writing its SLP_TYP with
// SLP_EN to PM1a_CNT (and PM1b_CNT), reset by writing the FADT's reset value to its reset
// register. Each call returns only when the machine is still running afterwards.
public sealed class AcpiPowerControl : IPowerControl
{
    private const int ControlBits = 16;
    private const ulong SciEnable = 1;
    private const int SleepTypeShift = 10;
    private const ulong SleepTypeField = 7ul << SleepTypeShift;
    private const ulong SleepEnable = 1ul << 13;
    // Hardware-reduced ACPI's SLEEP_CONTROL_REG: SLP_TYPx at bits 2-4, SLP_EN at bit 5.
    private const int ReducedSleepTypeShift = 2;
    private const ulong ReducedSleepEnable = 1ul << 5;
    // Firmware answers the ACPI enable request in well under this many reads of PM1a_CNT.
    private const int AcpiEnablePolls = 100_000;

    private readonly Fadt? _fadt;
    private readonly SleepType _softOff;
    private readonly IAcpiRegisters _registers;

    public AcpiPowerControl(AcpiDiscovery tables, IAcpiRegisters registers)
    {
        _fadt = tables.Fadt;
        _softOff = tables.SoftOff;
        _registers = registers;
        PowerOffUnavailable = WhyNoPowerOff(tables);
        ResetUnavailable = WhyNoReset(_fadt, registers);
    }

    // Null when PowerOff can work; else why it cannot.
    public string? PowerOffUnavailable { get; }

    public string? ResetUnavailable { get; }

    public string PowerOff()
    {
        if (PowerOffUnavailable is not null)
            return "no ACPI power-off: " + PowerOffUnavailable;
        Fadt fadt = _fadt!;
        if (fadt.HardwareReduced)
        {
            _registers.Write(fadt.SleepControl, 8, (ulong)_softOff.A << ReducedSleepTypeShift | ReducedSleepEnable);
        }
        else
        {
            EnterAcpiMode(fadt);
            EnterSleepState(fadt.Pm1aControl, _softOff.A);
            if (fadt.Pm1bControl.IsPresent)
                EnterSleepState(fadt.Pm1bControl, _softOff.B);
        }
        _registers.Settle();
        return "the machine did not power off after the ACPI S5 write";
    }

    public string Reset()
    {
        if (ResetUnavailable is not null)
            return "no ACPI reset register: " + ResetUnavailable;
        _registers.Write(_fadt!.ResetRegister, 8, _fadt.ResetValue);
        _registers.Settle();
        return "the machine did not reset after the ACPI reset register write";
    }

    public string Describe()
    {
        string power = PowerOffUnavailable is null
            ? "power-off through " + SleepRegister().Describe() + " (S5 sleep type " + _softOff.A.ToString() + ")"
            : "no power-off (" + PowerOffUnavailable + ")";
        string reset = ResetUnavailable is null
            ? "reset through " + _fadt!.ResetRegister.Describe() + " (" + GenericAddress.Hex(_fadt.ResetValue, 2) + ")"
            : "no reset register (" + ResetUnavailable + ")";
        return power + ", " + reset;
    }

    private GenericAddress SleepRegister() => _fadt!.HardwareReduced ? _fadt.SleepControl : _fadt.Pm1aControl;

    // Firmware that boots in legacy mode owns the PM registers through SMM until asked, by
    // ACPI_ENABLE on SMI_CMD, to hand them over (SCI_EN set); sleep writes are ignored before.
    private void EnterAcpiMode(Fadt fadt)
    {
        if (fadt.SmiCommandPort == 0 || fadt.AcpiEnableValue == 0)
            return;
        if ((_registers.Read(fadt.Pm1aControl, ControlBits) & SciEnable) != 0)
            return;
        _registers.Write(GenericAddress.IoPort(fadt.SmiCommandPort, 8), 8, fadt.AcpiEnableValue);
        for (int i = 0; i < AcpiEnablePolls; i++)
        {
            if ((_registers.Read(fadt.Pm1aControl, ControlBits) & SciEnable) != 0)
                return;
        }
    }

    // SLP_TYP first, then again with SLP_EN, as ACPICA does: some chipsets latch the type only
    // from a write that does not also start the transition. The other bits keep their values.
    private void EnterSleepState(GenericAddress control, byte sleepType)
    {
        ulong value = _registers.Read(control, ControlBits) & ~(SleepTypeField | SleepEnable) | (ulong)sleepType << SleepTypeShift;
        _registers.Write(control, ControlBits, value);
        _registers.Write(control, ControlBits, value | SleepEnable);
    }

    private string? WhyNoPowerOff(AcpiDiscovery tables)
    {
        if (tables.Fadt is null)
            return "no FADT: " + AcpiStatusText.DescribeFadt(tables.FadtStatus);
        if (tables.DsdtStatus != AcpiStatus.Found)
            return tables.DsdtStatus switch
            {
                AcpiStatus.TableNotFound => "the FADT names no DSDT",
                AcpiStatus.OutOfReach => "the DSDT at " + GenericAddress.Hex(tables.Fadt.DsdtAddress) + " is out of reach",
                _ => "the DSDT at " + GenericAddress.Hex(tables.Fadt.DsdtAddress) + " has a bad signature or length",
            };
        if (!tables.HasSoftOff)
            return "the DSDT defines no \\_S5 package";
        GenericAddress register = tables.Fadt.HardwareReduced ? tables.Fadt.SleepControl : tables.Fadt.Pm1aControl;
        if (!register.IsPresent)
            return tables.Fadt.HardwareReduced ? "the FADT names no sleep control register" : "the FADT names no PM1a control block";
        if (!_registers.CanReach(register) || (tables.Fadt.Pm1bControl.IsPresent && !_registers.CanReach(tables.Fadt.Pm1bControl)))
            return "the PM1 control block " + register.Describe() + " is out of reach";
        return null;
    }

    private static string? WhyNoReset(Fadt? fadt, IAcpiRegisters registers)
    {
        if (fadt is null)
            return "no FADT";
        if (!fadt.ResetRegister.IsPresent)
            return "the FADT names none";
        if (!registers.CanReach(fadt.ResetRegister))
            return fadt.ResetRegister.Describe() + " is out of reach";
        return null;
    }
}
