namespace Uk.Drivers.E1000;

// The device's 32-bit registers by byte offset into BAR 0: memory-mapped on the machine,
// a simulated chip in host tests.
public interface IE1000Registers
{
    uint Read(int offset);

    void Write(int offset, uint value);
}
