using System.Runtime.InteropServices;
using Uk.Core;

namespace Uk.Plat.PcX86_64;

// RDSEED and RDRAND, offered to the kernel's entropy pool when CPUID says the CPU has them
// (QEMU's default TCG CPU has neither; -cpu max has both).
internal static unsafe class HardwareRandom
{
    private const uint Leaf1EcxRdrand = 1u << 30;
    private const uint Leaf7EbxRdseed = 1u << 18;

    public static void Register(ICpu cpu)
    {
        bool rdrand = (cpu.Cpuid(1).Ecx & Leaf1EcxRdrand) != 0;
        bool rdseed = cpu.Cpuid(0).Eax >= 7 && (cpu.Cpuid(7, 0).Ebx & Leaf7EbxRdseed) != 0;
        Entropy.SetHardwareSources(rdseed ? &ReadSeed : null, "rdseed", rdrand ? &ReadRandom : null, "rdrand");
    }

    private static bool ReadSeed(ulong* value) => ukplat_rdseed64(value) != 0;

    private static bool ReadRandom(ulong* value) => ukplat_rdrand64(value) != 0;

    [DllImport("*"), SuppressGCTransition]
    private static extern int ukplat_rdseed64(ulong* value);

    [DllImport("*"), SuppressGCTransition]
    private static extern int ukplat_rdrand64(ulong* value);
}
