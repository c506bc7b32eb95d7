using System;
using Uk.Alloc;

namespace Uk.Drivers.Xhci;

// Zeroed, aligned memory the controller reads and writes by DMA. Addresses are physical:
// the kernel's memory is identity-mapped.
internal static unsafe class DmaMemory
{
    // Null when the allocator has no room.
    public static byte* Zeroed(int bytes, int alignment)
    {
        byte* memory = (byte*)Heap.AllocateAligned((nuint)bytes, (nuint)alignment);
        if (memory != null)
            new Span<byte>(memory, bytes).Clear();
        return memory;
    }
}
