namespace System;

public class ObjectDisposedException : InvalidOperationException
{
    public ObjectDisposedException(string? objectName) : base("Cannot access a disposed object: " + objectName) => ObjectName = objectName ?? "";

    public string ObjectName { get; }
}
