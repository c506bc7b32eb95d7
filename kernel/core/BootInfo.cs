namespace Uk.Core;

// What the boot loader told the kernel, in a form independent of the boot protocol.
public sealed class BootInfo
{
    public BootInfo(string protocol, string bootLoaderName, string commandLine, ulong memoryBytes, ulong heapBytes, MemoryRegion[] freeMemory)
    {
        FreeMemory = freeMemory;
        Protocol = protocol;
        BootLoaderName = bootLoaderName;
        CommandLine = commandLine;
        MemoryBytes = memoryBytes;
        HeapBytes = heapBytes;
    }

    // "multiboot2" or "pvh".
    public string Protocol { get; }

    public string BootLoaderName { get; }

    // The whole kernel command line, kernel parameters and application arguments.
    public string CommandLine { get; }

    // Usable RAM the memory map reported.
    public ulong MemoryBytes { get; }

    // Size of the region given to the early heap.
    public ulong HeapBytes { get; }

    // Free RAM besides the early heap's region: neither kernel image nor boot information,
    // identity-mapped. An allocator library takes these over at start-up.
    public MemoryRegion[] FreeMemory { get; }
}
