using System.Runtime.InteropServices;

namespace Uk.Plat.PcX86_64;

public sealed unsafe class MachineCpu : ICpu
{
    public CpuidResult Cpuid(uint leaf, uint subleaf = 0)
    {
        CpuidResult result;
        ukplat_cpuid(leaf, subleaf, &result);
        return result;
    }

    public ulong ReadMsr(uint msr) => ukplat_read_msr(msr);

    public void WriteMsr(uint msr, ulong value) => ukplat_write_msr(msr, value);

    public ulong ReadTimestampCounter() => Uk.Core.Plat.ReadTimestampCounter();

    public void MemoryFence() => ukplat_memory_fence();

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_cpuid(uint leaf, uint subleaf, CpuidResult* result);

    [DllImport("*"), SuppressGCTransition]
    private static extern ulong ukplat_read_msr(uint msr);

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_write_msr(uint msr, ulong value);

    [DllImport("*"), SuppressGCTransition]
    private static extern void ukplat_memory_fence();
}
