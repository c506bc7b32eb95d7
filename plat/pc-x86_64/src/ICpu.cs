namespace Uk.Plat.PcX86_64;

// The seam of the CPU instructions the timer drivers use, so host tests can check what
// they program.
public interface ICpu
{
    CpuidResult Cpuid(uint leaf, uint subleaf = 0);

    ulong ReadMsr(uint msr);

    void WriteMsr(uint msr, ulong value);

    ulong ReadTimestampCounter();

    void MemoryFence();
}

public struct CpuidResult
{
    public uint Eax;
    public uint Ebx;
    public uint Ecx;
    public uint Edx;
}
