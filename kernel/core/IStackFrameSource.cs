namespace Uk.Core;

// Where a stack trace gets its frames, innermost first (UnwindingFrameWalker walks the
// image's call frame information); traces print the same whatever the source.
public interface IStackFrameSource
{
    // Advances to the next frame; false when there is none or the stack no longer looks sane.
    // Implementations run on the panic path and must never fault.
    bool MoveNext();

    // An address inside the current frame's function.
    ulong Address { get; }

    // True when Address is a return address: it then points after the call, possibly at the
    // next function, so symbol lookups use Address - 1.
    bool IsReturnAddress { get; }
}
