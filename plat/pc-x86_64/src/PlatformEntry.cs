using System;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Uk.Core;
using Uk.Plat.PcX86_64.Paging;

namespace Uk.Plat.PcX86_64;

// kmain, entered from boot/longmode.asm in long mode on the boot stack. Until the runtime
// has set up GC statics only pointer code and primitive statics may run here.
internal static unsafe class PlatformEntry
{
    [UnmanagedCallersOnly(EntryPoint = "kmain")]
    private static void KMain(uint magic, uint info)
    {
        ImageBounds image;
        ukplat_image_bounds(&image);
        Traps.Initialize();

        MemoryMap map;
        int moduleCount;
        ulong infoStart = info;
        ulong infoEnd;
        if (magic == BootProtocol.Multiboot2Magic)
        {
            Multiboot2Info multiboot = new Multiboot2Info((byte*)info);
            map = multiboot.MemoryMap;
            infoEnd = infoStart + multiboot.TotalSize;
            moduleCount = multiboot.ModuleCount;
            BootAcpiPointer.Record(multiboot.AcpiRsdp(out int rsdpLength), rsdpLength, 0);
            BootFramebuffer.Record(multiboot.FramebufferTag);
        }
        else if (magic == BootProtocol.PvhMagic)
        {
            if (!((PvhStartInfo*)info)->IsIntact(info))
                EarlyPanic("the PVH boot information is overwritten: QEMU places it about 4 KiB after the kernel command line, and a longer -append runs over it; shorten the command line (or boot the ISO through GRUB)");
            map = ((PvhStartInfo*)info)->MemoryMap;
            infoEnd = infoStart + (ulong)sizeof(PvhStartInfo);
            moduleCount = (int)((PvhStartInfo*)info)->ModuleCount;
            BootAcpiPointer.Record(null, 0, ((PvhStartInfo*)info)->RsdpAddress);
        }
        else
        {
            EarlyPanic("unknown boot protocol: boot with GRUB (multiboot2) or as a PVH kernel");
            return;
        }

        // RAM that is not free: the kernel image, the boot information, the boot modules.
        Span<AddressRange> taken = stackalloc AddressRange[2 + moduleCount];
        taken[0] = new AddressRange((ulong)image.Start, (ulong)image.End);
        taken[1] = new AddressRange(infoStart, infoEnd);
        for (int i = 0; i < moduleCount; i++)
            taken[2 + i] = magic == BootProtocol.Multiboot2Magic ? new Multiboot2Info((byte*)info).Module(i) : ((PvhStartInfo*)info)->Module(i);

        ulong moduleBytes = 0;
        for (int i = 2; i < taken.Length; i++)
            moduleBytes += taken[i].End - taken[i].Start;
        PlatformLibrary.RecordModules(moduleCount, moduleBytes);

        HeapRegion.Choose(new FreePieces(map, taken), out ulong heapStart, out ulong heapLength);
        if (heapLength == 0)
            EarlyPanic("no usable RAM for the heap in the boot memory map");
        EarlyHeap.AddRegion((void*)heapStart, (nuint)heapLength);
        ModuleSections.Initialize(image.ModulesStart, image.ModulesEnd);

        MemoryRegion[] freeMemory = OtherFreePieces(new FreePieces(map, taken), heapStart);
        BootInfo boot = DescribeBoot(magic, info, map.TotalAvailable, heapLength, freeMemory);
        // Last: boot loaders may leave their data in page 0, which the kernel map leaves out.
        PageTable kernelMap = EnablePaging(image);
        Kernel.Start(boot, kernelMap);
    }

    // Replaces the boot stub's all-RWX identity map with one that has rights per section.
    private static PageTable EnablePaging(ImageBounds image)
    {
        ulong started = Uk.Core.Plat.ReadTimestampCounter();
        var layout = new ImageLayout((ulong)image.Start, (ulong)image.TextEnd, (ulong)image.ReadOnlyEnd, (ulong)image.End);
        PageTable? kernelMap = KernelAddressSpace.Build(new IdentityMappedMemory(), new HeapFrames(), layout, FreePieces.MappedLimit);
        if (kernelMap is null)
            EarlyPanic("out of memory while building the kernel page tables");
        ukplat_enable_paging(kernelMap!.Root);
        GuardBootStack(kernelMap);
        PlatformLibrary.RecordPaging(kernelMap.TablesAllocated, Uk.Core.Plat.ReadTimestampCounter() - started);
        return kernelMap;
    }

    // The page below the boot stack held the boot stub's page directory, unused once the
    // kernel's own tables are live: unmapped, it makes an overflow of the boot stack a
    // reported stack overflow instead of corruption.
    private static void GuardBootStack(PageTable kernelMap)
    {
        ulong guard = (ulong)ukplat_boot_stack_bottom() - PageSize;
        if (kernelMap.Unmap(guard, PageSize))
            StackGuards.SetBootStackGuard(guard);
    }

    private const ulong PageSize = 4096;

    private static MemoryRegion[] OtherFreePieces(FreePieces pieces, ulong earlyHeapStart)
    {
        FreePieces counting = pieces;
        int count = 0;
        while (counting.MoveNext(out ulong start, out _))
        {
            if (start != earlyHeapStart)
                count++;
        }
        MemoryRegion[] regions = new MemoryRegion[count];
        count = 0;
        while (pieces.MoveNext(out ulong start, out ulong length))
        {
            if (start != earlyHeapStart)
                regions[count++] = new MemoryRegion(start, length);
        }
        return regions;
    }

    private static BootInfo DescribeBoot(uint magic, uint info, ulong memory, ulong heap, MemoryRegion[] freeMemory)
    {
        if (magic == BootProtocol.Multiboot2Magic)
        {
            Multiboot2Info multiboot = new Multiboot2Info((byte*)info);
            return new BootInfo("multiboot2", new string(multiboot.BootLoaderName), new string(multiboot.CommandLine), memory, heap, freeMemory);
        }
        PvhStartInfo* start = (PvhStartInfo*)info;
        return new BootInfo("pvh", "PVH direct boot", new string((sbyte*)start->CommandLineAddress), memory, heap, freeMemory);
    }

    // Before GC statics exist a string literal is still safe: literals are frozen objects.
    private static void EarlyPanic(string message)
    {
        fixed (char* text = message)
            uk_early_panic(text, message.Length);
    }

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_image_bounds(ImageBounds* bounds);

    [DllImport("*"), SuppressGCTransition]
    private static extern void uk_early_panic(char* message, int length);

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_enable_paging(ulong pml4);

    [DllImport("*"), SuppressGCTransition]
    private static extern byte* ukplat_boot_stack_bottom();

    [StructLayout(LayoutKind.Sequential)]
    private struct ImageBounds
    {
        public byte* Start;
        public byte* End;
        public byte* ModulesStart;
        public byte* ModulesEnd;
        public byte* TextEnd;
        public byte* ReadOnlyEnd;
    }
}
