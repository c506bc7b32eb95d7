namespace Uk.Drivers.Acpi;

// The seam of the power code: the registers the FADT names, wherever they live. The image
// reaches ports, memory and PCI configuration space; host tests record what is written.
public interface IAcpiRegisters
{
    // False when the register's address space is one this code cannot reach.
    bool CanReach(GenericAddress register);

    ulong Read(GenericAddress register, int bits);

    void Write(GenericAddress register, int bits, ulong value);

    // Waits as long as a machine may take to act on a power or reset write (about a second).
    void Settle();
}
