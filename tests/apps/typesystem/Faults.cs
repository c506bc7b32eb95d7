using System.Runtime.CompilerServices;

namespace TypeSystem;

// Memory accesses the kernel's page tables must refuse; each ends in a page-fault panic.
// Not inlined, and each calls another method so that it has a frame of its own: the boot
// tests look for these names in the panic's stack trace.
public static unsafe class Faults
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int ReadThroughNullReference()
    {
        string text = (string)Checks.Opaque(null!);
        return text.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteToKernelCode()
    {
        delegate*<int> code = &ReadThroughNullReference;
        *(byte*)Address((nint)code) = 0xC3;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ExecuteHeapData()
    {
        byte[] returnInstruction = (byte[])Checks.Opaque(new byte[] { 0xC3 });
        fixed (byte* code = returnInstruction)
            ((delegate*<void>)code)();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Recurse(int depth)
    {
        System.Span<byte> frame = stackalloc byte[128];
        frame[depth & 127] = (byte)depth;
        return Recurse(depth + 1) + frame[(depth + 1) & 127];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Divide(int dividend, int divisor) => dividend / divisor + (int)Address(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int AddChecked(int a, int b) => checked(a + b) + (int)Address(0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static nint Address(nint value) => value;
}
