namespace Uk.Core;

// The kernel's address space as threads and interrupt handlers share it: each change to the
// page tables (which may split a large page and allocate a table) runs with interrupts off,
// so two threads never edit the same tables at once.
internal sealed class SerializedAddressSpace : IAddressSpace
{
    private readonly IAddressSpace _inner;

    public SerializedAddressSpace(IAddressSpace inner) => _inner = inner;

    public bool Map(ulong virtualAddress, ulong physicalAddress, ulong length, PageRights rights)
    {
        ulong flags = Plat.DisableInterrupts();
        bool done = _inner.Map(virtualAddress, physicalAddress, length, rights);
        Plat.RestoreInterrupts(flags);
        return done;
    }

    public bool Unmap(ulong virtualAddress, ulong length)
    {
        ulong flags = Plat.DisableInterrupts();
        bool done = _inner.Unmap(virtualAddress, length);
        Plat.RestoreInterrupts(flags);
        return done;
    }

    public bool Protect(ulong virtualAddress, ulong length, PageRights rights)
    {
        ulong flags = Plat.DisableInterrupts();
        bool done = _inner.Protect(virtualAddress, length, rights);
        Plat.RestoreInterrupts(flags);
        return done;
    }

    public bool Translate(ulong virtualAddress, out ulong physicalAddress, out PageRights rights)
    {
        ulong flags = Plat.DisableInterrupts();
        bool mapped = _inner.Translate(virtualAddress, out physicalAddress, out rights);
        Plat.RestoreInterrupts(flags);
        return mapped;
    }
}
