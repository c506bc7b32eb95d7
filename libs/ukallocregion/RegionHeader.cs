namespace Uk.Alloc.Region;

// Written at the start of each region when it is added: the bump pointer, the end, and the
// next region in the order they were added. 32 bytes keeps the first block 16-aligned.
internal unsafe struct RegionHeader
{
    public byte* Next;
    public byte* End;
    public RegionHeader* Following;
    public nuint Reserved;
}
