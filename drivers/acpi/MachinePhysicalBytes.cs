using System;

namespace Uk.Drivers.Acpi;

// Physical memory through the kernel's identity map, which leaves page 0 out and stops at
// 4 GiB: a table pointer outside that would fault, so it is refused instead.
public sealed unsafe class MachinePhysicalBytes : IPhysicalBytes
{
    private const ulong FirstMapped = 0x1000;
    private const ulong MappedEnd = 0x1_0000_0000; // pc-x86_64 identity-maps the first 4 GiB

    public bool TryRead(ulong address, Span<byte> destination)
    {
        ulong length = (ulong)destination.Length;
        if (address < FirstMapped || address >= MappedEnd || length > MappedEnd - address)
            return false;
        new ReadOnlySpan<byte>((void*)address, destination.Length).CopyTo(destination);
        return true;
    }
}
