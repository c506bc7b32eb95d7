namespace Uk.Drivers.Pci;

// Where a function sits on the bus: bus 0-255, device 0-31, function 0-7.
public readonly struct PciAddress
{
    public PciAddress(int bus, int device, int function)
    {
        Bus = (byte)bus;
        Device = (byte)device;
        Function = (byte)function;
    }

    public byte Bus { get; }

    public byte Device { get; }

    public byte Function { get; }

    // The usual bb:dd.f spelling, in hex.
    public override string ToString() =>
        Hex2(Bus) + ":" + Hex2(Device) + "." + Function.ToString();

    private static string Hex2(int value) => value.ToString("x2");
}
