using System.Runtime.CompilerServices;

namespace Uk.Plat.PcX86_64.Apic;

// The corlib has no Volatile: keeping each access in its own call stops the JIT from
// merging or hoisting device reads and writes (a polled register must be read every time).
public sealed unsafe class MachineMmio : IMmio
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public uint Read32(ulong address) => *(uint*)address;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Write32(ulong address, uint value) => *(uint*)address = value;
}
