namespace Uk.Core;

// A range of physical memory, identity-mapped: Start is also its address.
public readonly struct MemoryRegion
{
    public MemoryRegion(ulong start, ulong length)
    {
        Start = start;
        Length = length;
    }

    public ulong Start { get; }

    public ulong Length { get; }

    public ulong End => Start + Length;
}
