namespace Uk.Alloc.Tlsf;

public static class TlsfLibrary
{
    public static void Initialize() => Heap.Install(new TlsfAllocator(TlsfOptions.SecondLevel));
}
