namespace Uk.Drivers.Pci;

public enum PciBarKind
{
    None,
    Io,
    Memory32,
    Memory64,
}

// One base address register as the firmware (or the bus) left it: where the range is and
// how large. A 64-bit BAR takes two slots; the second is reported as None.
public readonly struct PciBar
{
    public PciBar(PciBarKind kind, ulong address, ulong size, bool prefetchable)
    {
        Kind = kind;
        Address = address;
        Size = size;
        Prefetchable = prefetchable;
    }

    public PciBarKind Kind { get; }

    public ulong Address { get; }

    public ulong Size { get; }

    public bool Prefetchable { get; }

    public bool IsMemory => Kind == PciBarKind.Memory32 || Kind == PciBarKind.Memory64;

    // Whether [offset, offset + length) lies inside the range: capabilities that point
    // into a BAR are checked against it before anything is mapped or touched.
    public bool Contains(ulong offset, ulong length) =>
        Kind != PciBarKind.None && offset <= Size && length <= Size - offset;

    public override string ToString()
    {
        if (Kind == PciBarKind.None)
            return "none";
        string kind = Kind == PciBarKind.Io ? "io" : Kind == PciBarKind.Memory32 ? "mem32" : "mem64";
        return kind + " 0x" + Address.ToString("x") + " size 0x" + Size.ToString("x") + (Prefetchable ? " prefetchable" : "");
    }
}
