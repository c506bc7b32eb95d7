using Internal.Runtime.Unwinding;

namespace Uk.Core;

// Frames from the call frame information ILC emits (.eh_frame): each step computes the
// caller's rsp, rip and callee-saved registers from the current function's unwind rules,
// so functions without an rbp frame still show their callers. Code without unwind
// information (the platform's assembly stubs) is left through its rbp frame, as those
// stubs build one. Every read is checked first: a broken stack ends the walk instead of
// faulting the panic that prints it.
public unsafe struct UnwindingFrameWalker : IStackFrameSource
{
    // A frame larger than this means the chain went wrong.
    private const ulong MaxFrameSize = 1024 * 1024;
    // Nothing lives in the first page: a pointer below it is garbage.
    private const ulong LowestAddress = 4096;

    private readonly FrameTable _table;
    private readonly ImageBounds _image;
    private RegisterContext _context;
    private bool _started;
    private bool _done;

    private UnwindingFrameWalker(RegisterContext context, bool isReturnAddress)
    {
        ImageBounds image;
        Plat.GetImageBounds(&image);
        _image = image;
        _table = ImageFrames.Table;
        _context = context;
        _started = false;
        _done = false;
        Address = context.Rip;
        IsReturnAddress = isReturnAddress;
    }

    public ulong Address { get; private set; }

    public bool IsReturnAddress { get; private set; }

    // For a fault: the faulting instruction first, then its callers.
    public static UnwindingFrameWalker FromFault(in RegisterState registers) => new UnwindingFrameWalker(ContextOf(registers), false);

    // For an exception: the frame that threw (its context holds the return address of the throw call).
    internal static UnwindingFrameWalker FromThrowSite(RegisterContext* site) => new UnwindingFrameWalker(*site, true);

    // For registers captured by Plat.CaptureRegisters: the callers of the function that captured them.
    public static UnwindingFrameWalker FromCallerOf(in RegisterState captured)
    {
        UnwindingFrameWalker frames = new UnwindingFrameWalker(ContextOf(captured), true);
        frames.MoveNext();
        return frames;
    }

    public bool MoveNext()
    {
        if (_done)
            return false;
        if (!_started)
        {
            _started = true;
            // A fault's rip is shown even outside the code: it says where the call went.
            return !IsReturnAddress || _image.IsCode(Address) || Stop();
        }
        if (!_image.IsCode(Address))
            return LeaveBadCall();
        if (!TryUnwindByRules() && !FollowFramePointer())
            return Stop();
        if (!_image.IsCode(_context.Rip))
            return Stop();
        Address = _context.Rip;
        IsReturnAddress = true;
        return true;
    }

    // Linked without the tables (ImageFrames.Linked folded to false), every frame is left
    // through its rbp chain and the unwinder is not in the image.
    private bool TryUnwindByRules() =>
        ImageFrames.Linked && FrameUnwinder.TryStep(in _table, ref _context, IsReturnAddress);

    // A call through a bad pointer faults at the target: the return address is still on
    // top of the stack.
    private bool LeaveBadCall()
    {
        if (!IsStackSlot(_context.Rsp, _context.Rsp))
            return Stop();
        ulong returnAddress = *(ulong*)_context.Rsp;
        if (!_image.IsCode(returnAddress))
            return Stop();
        _context.Rip = returnAddress;
        _context.Rsp += 8;
        Address = returnAddress;
        IsReturnAddress = true;
        return true;
    }

    // No unwind information: [rbp] holds the caller's rbp and [rbp + 8] the return address.
    private bool FollowFramePointer()
    {
        ulong rbp = _context.Rbp;
        if (!IsStackSlot(rbp, _context.Rsp))
            return false;
        _context.Rip = *(ulong*)(rbp + 8);
        _context.Rbp = *(ulong*)rbp;
        _context.Rsp = rbp + 16;
        return true;
    }

    private bool Stop()
    {
        _done = true;
        return false;
    }

    private static RegisterContext ContextOf(in RegisterState registers)
    {
        RegisterContext context;
        context.Rip = registers.Rip;
        context.Rsp = registers.Rsp;
        context.Rbp = registers.Rbp;
        context.Rbx = registers.Rbx;
        context.R12 = registers.R12;
        context.R13 = registers.R13;
        context.R14 = registers.R14;
        context.R15 = registers.R15;
        return context;
    }

    // A two-word frame record at address, at or not too far above lowest.
    private static bool IsStackSlot(ulong address, ulong lowest) =>
        address >= LowestAddress && (address & 7) == 0 && address >= lowest
        && address - lowest < MaxFrameSize && address <= ulong.MaxValue - 16;
}
