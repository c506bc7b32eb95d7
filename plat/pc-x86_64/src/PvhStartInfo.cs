using System.Runtime.InteropServices;

namespace Uk.Plat.PcX86_64;

// hvm_start_info, which QEMU hands to a PVH kernel booted with -kernel.
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PvhStartInfo
{
    public uint Magic;
    public uint Version;
    public uint Flags;
    public uint ModuleCount;
    public ulong ModuleListAddress;
    public ulong CommandLineAddress;
    public ulong RsdpAddress;
    public ulong MemoryMapAddress;
    public uint MemoryMapEntries;
    public uint Reserved;

    // hvm_modlist_entry: {physical address, size, command line, reserved}, 32 bytes each.
    public AddressRange Module(int index)
    {
        ulong* entry = (ulong*)(ModuleListAddress + (ulong)index * 32);
        return new AddressRange(entry[0], entry[0] + entry[1]);
    }

    // QEMU lays the command line out just below this structure, the memory map and the module
    // list without checking its length: a long one runs over them. The magic catches a
    // structure overwritten from its start; the command line's extent (measured up to a bound,
    // so a missing terminator cannot take the scan anywhere) catches the rest.
    public bool IsIntact(ulong self)
    {
        if (Magic != BootProtocol.PvhMagic)
            return false;
        if (CommandLineAddress == 0)
            return true;
        const ulong Bound = 1 << 20;
        byte* text = (byte*)CommandLineAddress;
        ulong length = 0;
        while (length < Bound && text[length] != 0)
            length++;
        ulong end = CommandLineAddress + length + 1;
        return !Overlaps(CommandLineAddress, end, self, self + (ulong)sizeof(PvhStartInfo))
            && !Overlaps(CommandLineAddress, end, MemoryMapAddress, MemoryMapAddress + (ulong)MemoryMapEntries * 24)
            && !Overlaps(CommandLineAddress, end, ModuleListAddress, ModuleListAddress + (ulong)ModuleCount * 32);
    }

    private static bool Overlaps(ulong start, ulong end, ulong otherStart, ulong otherEnd) =>
        otherEnd > otherStart && start < otherEnd && otherStart < end;

    public MemoryMap MemoryMap => Version >= 1
        ? new MemoryMap((byte*)MemoryMapAddress, (int)MemoryMapEntries, 24)
        : default;
}
