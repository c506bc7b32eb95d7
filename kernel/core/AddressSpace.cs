namespace Uk.Core;

// Rights of a mapping; every mapping can be read.
[System.Flags]
public enum PageRights
{
    None = 0,
    Writable = 1,
    Executable = 2,
    CacheDisabled = 4,
}

// The kernel's address space, for what needs mappings at run time: guard pages under
// stacks, device registers. Lengths are rounded to whole 4 KiB pages.
public interface IAddressSpace
{
    bool Map(ulong virtualAddress, ulong physicalAddress, ulong length, PageRights rights);

    bool Unmap(ulong virtualAddress, ulong length);

    bool Protect(ulong virtualAddress, ulong length, PageRights rights);

    bool Translate(ulong virtualAddress, out ulong physicalAddress, out PageRights rights);
}
