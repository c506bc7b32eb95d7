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

    public MemoryMap MemoryMap => Version >= 1
        ? new MemoryMap((byte*)MemoryMapAddress, (int)MemoryMapEntries, 24)
        : default;
}
