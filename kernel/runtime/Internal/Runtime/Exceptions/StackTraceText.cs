using System;

namespace Internal.Runtime.Exceptions;

// Exception.StackTrace from the return addresses the dispatcher recorded, in .NET's shape:
// one "   at Type.Method+0xoffset" line per frame, from the throw to the catch.
internal static class StackTraceText
{
    internal static string Format(ulong[] returnAddresses)
    {
        string text = "";
        foreach (ulong address in returnAddresses)
        {
            // A return address follows the call; the call may be the last instruction.
            if (!SymbolTable.TryFind(address - 1, out string name, out ulong offset) || IsRuntimeFunction(name))
                continue;
            text += (text.Length == 0 ? "   at " : "\n   at ") + name + "+0x" + IntegerText.Hex(offset + 1, upperCase: false);
        }
        return text;
    }

    // Code of the runtime that ILC calls into for throws and failed casts: traces start at
    // the code that threw rather than in here. Literals only: a panic can come before
    // static fields are set up.
    internal static bool IsRuntimeFunction(string name) =>
        name.StartsWith("Internal.Runtime.")
        || name.StartsWith("System.Runtime.TypeCast.")
        || name.StartsWith("System.Runtime.RuntimeExports.");
}
