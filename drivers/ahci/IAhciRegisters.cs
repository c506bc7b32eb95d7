namespace Uk.Drivers.Ahci;

// The HBA's 32-bit registers by byte offset into ABAR: memory-mapped on the machine, a
// simulated controller in host tests.
public interface IAhciRegisters
{
    uint Read(int offset);

    void Write(int offset, uint value);
}
