namespace Uk.Alloc.Buddy;

public static class BuddyLibrary
{
    public static void Initialize() => Heap.Install(new BuddyAllocator());
}
