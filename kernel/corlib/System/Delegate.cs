using System.Runtime.CompilerServices;

namespace System;

// ILC generates the Invoke of every delegate type over these four fields, and calls the
// Initialize* methods (by name) when C# creates a delegate.
public abstract unsafe class Delegate
{
    private object? _helperObject;
    private object? _target;
    private nint _methodPtr;
    private nint _extraFunctionPointerOrData;

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
