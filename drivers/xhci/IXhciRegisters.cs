namespace Uk.Drivers.Xhci;

// The controller's 32-bit registers by byte offset into BAR 0 (capability, operational,
// runtime and doorbell registers all live there): memory-mapped on the machine, a simulated
// controller in host tests. 64-bit registers are two 32-bit accesses, low half first, as
// xHCI allows.
public interface IXhciRegisters
{
    uint Read(int offset);

    void Write(int offset, uint value);
}
