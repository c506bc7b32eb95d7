namespace Uk.Plat.PcX86_64;

// The seam of the port-mapped devices (PIC, PIT, CMOS): the image goes to the CPU's in/out
// instructions, host tests to a fake device.
public interface IPortIo
{
    byte Read8(ushort port);

    void Write8(ushort port, byte value);
}
