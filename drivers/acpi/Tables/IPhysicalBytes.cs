using System;

namespace Uk.Drivers.Acpi;

// The seam of the table parsers: firmware tables are read as bytes at physical addresses.
// The image reads the identity map; host tests hand in byte arrays.
public interface IPhysicalBytes
{
    // False when [address, address + destination.Length) is not readable.
    bool TryRead(ulong address, Span<byte> destination);
}
