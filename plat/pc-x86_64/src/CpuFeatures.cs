namespace Uk.Plat.PcX86_64;

// The CPUID bits the interrupt and time drivers choose between.
public readonly struct CpuFeatures
{
    private const uint Leaf1EdxApic = 1u << 9;
    private const uint Leaf1EdxTsc = 1u << 4;
    private const uint Leaf1EcxTscDeadline = 1u << 24;
    private const uint Leaf80000007EdxInvariantTsc = 1u << 8;

    public CpuFeatures(ICpu cpu)
    {
        CpuidResult leaf1 = cpu.Cpuid(1);
        HasLocalApic = (leaf1.Edx & Leaf1EdxApic) != 0;
        HasTimestampCounter = (leaf1.Edx & Leaf1EdxTsc) != 0;
        HasTscDeadline = (leaf1.Ecx & Leaf1EcxTscDeadline) != 0;
        InitialApicId = leaf1.Ebx >> 24;
        uint maxExtended = cpu.Cpuid(0x80000000).Eax;
        HasInvariantTsc = maxExtended >= 0x80000007 && (cpu.Cpuid(0x80000007).Edx & Leaf80000007EdxInvariantTsc) != 0;
    }

    public bool HasLocalApic { get; }

    public bool HasTimestampCounter { get; }

    public bool HasTscDeadline { get; }

    // The TSC keeps its rate through power states, so it can be the monotonic clock.
    public bool HasInvariantTsc { get; }

    public uint InitialApicId { get; }
}
