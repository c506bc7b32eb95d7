using System.Runtime.CompilerServices;

namespace System;

// ILC generates the Invoke of every delegate type over these four fields, and calls the
// Initialize* methods (by name) when C# creates a delegate. The JIT's inlined invoke reads
// the target at offset 8 and the code pointer at offset 32; ILC lays out references first,
// then the rest in declaration order, which this order matches.
public abstract unsafe class Delegate
{
    private object? _target;
    private object? _helperObject;
    private nint _extraFunctionPointerOrData;
    private nint _methodPtr;

    private protected virtual nint GetThunk(int whichThunk) => 0;

    private void InitializeClosedInstance(object firstParameter, nint functionPointer)
    {
        if (firstParameter is null)
            throw new ArgumentException("Delegate to an instance method cannot have null 'this'.");
        _methodPtr = functionPointer;
        _target = firstParameter;
    }

    private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer) =>
        InitializeClosedInstance(firstParameter, functionPointer);

    private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
    {
        _extraFunctionPointerOrData = functionPointer;
        _helperObject = firstParameter;
        _methodPtr = functionPointerThunk;
        _target = this;
    }

    // An open static delegate is invoked through a thunk that receives the delegate itself and
    // calls the real target stored in _extraFunctionPointerOrData.
    private void InitializeOpenStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
    {
        _target = this;
        _methodPtr = functionPointerThunk;
        _extraFunctionPointerOrData = functionPointer;
    }

    public object? Target => ReferenceEquals(_target, this) ? _helperObject : _target;

    public static bool operator ==(Delegate? d1, Delegate? d2) => d1 is null ? d2 is null : d1.Equals(d2);

    public static bool operator !=(Delegate? d1, Delegate? d2) => !(d1 == d2);

    public override bool Equals(object? obj) =>
        obj is Delegate other && other.m_pEEType == m_pEEType && other._methodPtr == _methodPtr
        && other._extraFunctionPointerOrData == _extraFunctionPointerOrData
        && ReferenceEquals(Target, other.Target);

    public override int GetHashCode() => (int)_methodPtr ^ (int)_extraFunctionPointerOrData;
}

public abstract class MulticastDelegate : Delegate
{
}
