using Internal.Runtime;

namespace System;

public abstract unsafe class Type
{
    public abstract string? FullName { get; }

    public abstract string Name { get; }

    public abstract bool IsValueType { get; }

    public abstract bool IsArray { get; }

    public abstract bool IsInterface { get; }

    public abstract Type? BaseType { get; }

    public abstract RuntimeTypeHandle TypeHandle { get; }

    public static Type? GetTypeFromHandle(RuntimeTypeHandle handle) => handle.IsNull ? null : new RuntimeType(handle.ToMethodTable());

    public bool IsAssignableFrom(Type? c) => c is RuntimeType other && this is RuntimeType self && self.IsAssignableFromType(other);

    public static bool operator ==(Type? left, Type? right) =>
        left is null ? right is null : right is not null && left.TypeHandle.Equals(right.TypeHandle);

    public static bool operator !=(Type? left, Type? right) => !(left == right);

    public override bool Equals(object? o) => o is Type other && this == other;

    public override int GetHashCode() => TypeHandle.GetHashCode();

    public override string? ToString() => FullName;
}

// A type is its method table here; names come from the table the build embeds in the image.
internal sealed unsafe class RuntimeType : Type
{
    private readonly MethodTable* _methodTable;

    internal RuntimeType(MethodTable* methodTable) => _methodTable = methodTable;

    internal MethodTable* MethodTable => _methodTable;

    public override string? FullName => TypeNames.FullNameOf(_methodTable);

    // "List`1" for "System.Collections.Generic.List`1[System.Int32]", "Int32[]" for
    // "System.Int32[]", "Entry" for "Ns.Outer+Entry": .NET's Type.Name.
    public override string Name
    {
        get
        {
            string fullName = FullName ?? "";
            int arraySuffix = fullName.Length;
            while (arraySuffix >= 2 && fullName[arraySuffix - 1] == ']' && fullName[arraySuffix - 2] == '[')
                arraySuffix -= 2;
            int end = fullName.IndexOf('[');
            if (end < 0 || end > arraySuffix)
                end = arraySuffix;
            int start = end;
            while (start > 0 && fullName[start - 1] != '.' && fullName[start - 1] != '+')
                start--;
            return fullName.Substring(start, end - start) + fullName.Substring(arraySuffix);
        }
    }

    public override bool IsValueType => _methodTable->IsValueType;

    public override bool IsArray => _methodTable->IsArray;

    public override bool IsInterface => _methodTable->IsInterface;

    public override Type? BaseType => _methodTable->BaseType == null ? null : new RuntimeType(_methodTable->BaseType);

    public override RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle(_methodTable);

    internal bool IsAssignableFromType(RuntimeType other) => System.Runtime.TypeCast.AreTypesAssignable(other._methodTable, _methodTable);
}
