using Uk.Drivers.Acpi;
using Uk.Drivers.Apic.Time;

namespace Uk.Drivers.Apic.Kernel;

// The PM timer where the FADT puts it (an I/O port on PCs), read through acpi's registers.
internal sealed class AcpiPmTimer(IAcpiRegisters registers, GenericAddress register) : IReferenceCounter
{
    public uint Read() => (uint)registers.Read(register, 32);
}
