using System;
using Internal.Runtime;

namespace Uk.Core;

// Prints a stack trace with function names from the image's symbol table:
//   #0 0x0000000000101B00 Uk.Core.Kernel.Start+0x2a
public static class StackTrace
{
    public const int MaxFrames = 32;

    // Deep recursion (a stack overflow) repeats one frame thousands of times; runs of the same
    // return address print as one line, so the frames below the recursion still show.
    private const int MaxWalked = 100_000;

    public static void Write<TFrames>(ref TFrames frames, bool skipRuntimeFrames)
        where TFrames : struct, IStackFrameSource
    {
        Consoles.Write("stack trace:\n");
        int printed = 0;
        bool skipping = skipRuntimeFrames;
        ulong previous = 0;
        int repeats = 0;
        for (int walked = 0; walked < MaxWalked && printed < MaxFrames && frames.MoveNext(); walked++)
        {
            ulong address = frames.Address;
            if (address == previous && frames.IsReturnAddress)
            {
                repeats++;
                continue;
            }
            WriteRepeats(repeats);
            repeats = 0;
            previous = address;
            // A return address follows the call; the call may be the last instruction.
            ulong lookup = frames.IsReturnAddress ? address - 1 : address;
            bool known = SymbolTable.TryFind(lookup, out string name, out ulong offset)
                || StubNames.TryFind(lookup, out name, out offset);
            if (skipping && known && Internal.Runtime.Exceptions.StackTraceText.IsRuntimeFunction(name))
                continue;
            skipping = false;
            if (frames.IsReturnAddress)
                offset++;
            string line = "  #" + printed.ToString() + " 0x" + IntegerText.Hex(address, 16) + " ";
            Consoles.Write(known ? line + name + "+0x" + IntegerText.Hex(offset, upperCase: false) + "\n" : line + "?\n");
            printed++;
        }
        WriteRepeats(repeats);
        if (printed == MaxFrames && frames.MoveNext())
            Consoles.Write("  ...\n");
    }

    private static void WriteRepeats(int repeats)
    {
        if (repeats > 0)
            Consoles.Write("  ... the frame above " + repeats.ToString() + " more times\n");
    }
}
