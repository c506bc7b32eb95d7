namespace System.Runtime.InteropServices;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StructLayoutAttribute : Attribute
{
    public StructLayoutAttribute(LayoutKind layoutKind) => Value = layoutKind;

    public LayoutKind Value { get; }

    public int Pack;
    public int Size;
    public CharSet CharSet;
}

public enum LayoutKind
{
    Sequential = 0,
    Explicit = 2,
    Auto = 3,
}

public enum CharSet
{
    None = 1,
    Ansi = 2,
    Unicode = 3,
    Auto = 4,
}

public enum CallingConvention
{
    Winapi = 1,
    Cdecl = 2,
    StdCall = 3,
    ThisCall = 4,
    FastCall = 5,
}

[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FieldOffsetAttribute : Attribute
{
    public FieldOffsetAttribute(int offset) => Value = offset;

    public int Value { get; }
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DllImportAttribute : Attribute
{
    public DllImportAttribute(string dllName) => Value = dllName;

    public string Value { get; }

    public string? EntryPoint;
    public CharSet CharSet;
    public bool SetLastError;
    public bool ExactSpelling;
    public CallingConvention CallingConvention;
    public bool PreserveSig = true;
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    public Type[]? CallConvs;
    public string? EntryPoint;
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SuppressGCTransitionAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallConvAttribute : Attribute
{
    public Type[]? CallConvs;
}

[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class InAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OutAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class MarshalAsAttribute : Attribute
{
    public MarshalAsAttribute(UnmanagedType unmanagedType) => Value = unmanagedType;

    public UnmanagedType Value { get; }
}

public enum UnmanagedType
{
    Bool = 2,
    I1 = 3,
    U1 = 4,
    I4 = 7,
    U4 = 8,
    LPStr = 20,
}

public static class MemoryMarshal
{
    public static ref T GetReference<T>(Span<T> span) => ref span.GetReference();

    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span.GetReference();

    public static ref T GetArrayDataReference<T>(T[] array) => ref MemoryMarshalHelpers.GetArrayDataReference(array);

    public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);

    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref T reference, int length) => new ReadOnlySpan<T>(ref reference, length);

    public static Span<byte> AsBytes<T>(Span<T> span) where T : unmanaged =>
        new Span<byte>(ref CompilerServices.Unsafe.As<T, byte>(ref span.GetReference()), span.Length * CompilerServices.Unsafe.SizeOf<T>());

    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : unmanaged where TTo : unmanaged =>
        new Span<TTo>(ref CompilerServices.Unsafe.As<TFrom, TTo>(ref span.GetReference()), span.Length * CompilerServices.Unsafe.SizeOf<TFrom>() / CompilerServices.Unsafe.SizeOf<TTo>());
}
