namespace Uk.Drivers.Apic.Time;

// A free-running counter at a known rate that the TSC is measured against (the ACPI PM timer).
public interface IReferenceCounter
{
    uint Read();
}
