namespace Uk.Alloc.Region;

public static class RegionLibrary
{
    public static void Initialize() => Heap.Install(new RegionAllocator());
}
