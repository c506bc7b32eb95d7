using System.Runtime.InteropServices;
using Internal.Runtime.Unwinding;

namespace Uk.Dotnet.Runtime;

// CoreLib 10.0.12's EH.ExInfo: one per exception in flight, on the stack of the code that
// raised it. CoreLib's dispatcher reads and writes the fields named here; the frame iterator
// inside it is the runtime's (FrameIterator). Offsets from the shipped CoreLib's metadata.
[StructLayout(LayoutKind.Explicit, Size = 0x190)]
internal unsafe struct ExInfo
{
    internal const uint NoClause = 0xFFFFFFFF;

    // ExKind bits.
    internal const byte KindThrow = 1;
    internal const byte KindHardwareFault = 2;
    internal const byte KindRethrowFlag = 4;

    [FieldOffset(0x00)] internal ExInfo* Previous;
    [FieldOffset(0x08)] internal ThrowContext* Context;
    [FieldOffset(0x10)] internal nint Exception;
    [FieldOffset(0x18)] internal byte Kind;
    [FieldOffset(0x19)] internal byte PassNumber;
    [FieldOffset(0x1C)] internal uint CurrentClause;
    [FieldOffset(0x20)] internal FrameIterator Frames;
}

// CoreLib's PAL_LIMITED_CONTEXT as the runtime fills it: CoreLib reads only the pc at offset 0;
// the registers of the frame that raised the exception follow.
[StructLayout(LayoutKind.Explicit, Size = 0x50)]
internal struct ThrowContext
{
    [FieldOffset(0x00)] internal ulong Pc;
    [FieldOffset(0x08)] internal RegisterContext Registers;
}

// The thread's exceptions in flight, newest first.
internal static unsafe class ExInfoChain
{
    internal static ExInfo* Head => ThreadBlocks.ExInfoHead;

    internal static void Push(ExInfo* info)
    {
        info->Previous = ThreadBlocks.ExInfoHead;
        ThreadBlocks.ExInfoHead = info;
    }

    // A catch resumes its frame at resumeSp: every ExInfo deeper on the stack is finished.
    internal static void PopBelow(ulong resumeSp)
    {
        ExInfo* head = ThreadBlocks.ExInfoHead;
        while (head != null && (ulong)head < resumeSp)
            head = head->Previous;
        ThreadBlocks.ExInfoHead = head;
    }
}
