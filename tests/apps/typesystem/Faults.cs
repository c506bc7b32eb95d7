using System.Runtime.CompilerServices;

namespace TypeSystem;

// Memory accesses the kernel's page tables must refuse; each ends in a page-fault panic.
public static unsafe class Faults
{
    public static int ReadThroughNullReference()
    {
        string text = (string)Checks.Opaque(null!);
        return text.Length;
    }

    public static void WriteToKernelCode()
    {
        delegate*<int> code = &ReadThroughNullReference;
        *(byte*)code = 0xC3;
    }

    public static void ExecuteHeapData()
    {
        byte[] returnInstruction = (byte[])Checks.Opaque(new byte[] { 0xC3 });
        fixed (byte* code = returnInstruction)
            ((delegate*<void>)code)();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static nint Address(nint value) => value;
}
