using System.Runtime.InteropServices;
using Internal.Runtime;
using Uk.Core;

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

        MemoryMap map;
        ulong infoStart = info;
        ulong infoEnd;
        if (magic == BootProtocol.Multiboot2Magic)
        {
            Multiboot2Info multiboot = new Multiboot2Info((byte*)info);
            map = multiboot.MemoryMap;
            infoEnd = infoStart + multiboot.TotalSize;
        }
        else if (magic == BootProtocol.PvhMagic)
        {
            map = ((PvhStartInfo*)info)->MemoryMap;
            infoEnd = infoStart + (ulong)sizeof(PvhStartInfo);
        }
        else
        {
            EarlyPanic("unknown boot protocol: boot with GRUB (multiboot2) or as a PVH kernel");
            return;
        }

        HeapRegion.Choose(map, (ulong)image.Start, (ulong)image.End, infoStart, infoEnd, out ulong heapStart, out ulong heapLength);
        if (heapLength == 0)
            EarlyPanic("no usable RAM for the heap in the boot memory map");
        EarlyHeap.AddRegion((void*)heapStart, (nuint)heapLength);
        ModuleSections.Initialize(image.ModulesStart, image.ModulesEnd);

        Kernel.Start(DescribeBoot(magic, info, map.TotalAvailable, heapLength));
    }

    private static BootInfo DescribeBoot(uint magic, uint info, ulong memory, ulong heap)
    {
        if (magic == BootProtocol.Multiboot2Magic)
        {
            Multiboot2Info multiboot = new Multiboot2Info((byte*)info);
            return new BootInfo("multiboot2", new string(multiboot.BootLoaderName), new string(multiboot.CommandLine), memory, heap);
        }
        PvhStartInfo* start = (PvhStartInfo*)info;
        return new BootInfo("pvh", "PVH direct boot", new string((sbyte*)start->CommandLineAddress), memory, heap);
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

    [StructLayout(LayoutKind.Sequential)]
    private struct ImageBounds
    {
        public byte* Start;
        public byte* End;
        public byte* ModulesStart;
        public byte* ModulesEnd;
    }
}
