namespace System.Collections.Generic;

public class KeyNotFoundException : SystemException
{
    public KeyNotFoundException() { }

    public KeyNotFoundException(string? message) : base(message) { }

    private protected override string DefaultMessage => "The given key was not present in the dictionary.";
}
