using Internal.Runtime;

namespace Uk.Core;

// Frames from the rbp chain. RyuJIT code on x64 that sets up a frame starts with push rbp,
// so [rbp] holds the caller's rbp and [rbp + 8] the return address. Functions that call
// without a frame (they only adjust rsp) leave rbp alone; their return address is found by
// looking up the stack for a word that returns right after a direct call to the function.
// Every read is checked first, so a broken chain ends the walk instead of faulting the panic
// that prints it.
public unsafe struct FramePointerWalker : IStackFrameSource
{
    // A frame larger than this means the chain went wrong.
    private const ulong MaxFrameSize = 1024 * 1024;
    // How far above a frameless function's stack pointer its return address is looked for.
    private const ulong MaxScan = 4096;
    // Nothing lives in the first page: a pointer below it is garbage.
    private const ulong LowestAddress = 4096;
    private const byte PushRbp = 0x55;
    private const byte CallRelative = 0xE8;
    private const int CallRelativeSize = 5;

    private readonly ImageBounds _image;
    private readonly ulong _first;
    private readonly bool _hasFirst;
    private ulong _rbp;
    // The lowest stack address the current function's frame can occupy.
    private ulong _low;
    private bool _started;
    private bool _done;

    private FramePointerWalker(ulong rsp, ulong rbp, ulong first, bool hasFirst)
    {
        ImageBounds image;
        Plat.GetImageBounds(&image);
        _image = image;
        _rbp = rbp;
        _low = rsp;
        _first = first;
        _hasFirst = hasFirst;
    }

    public ulong Address { get; private set; }

    public bool IsReturnAddress { get; private set; }

    // For a fault: the faulting instruction first, then its callers.
    public static FramePointerWalker FromFault(ulong rip, ulong rsp, ulong rbp) => new FramePointerWalker(rsp, rbp, rip, true);

    // For a live stack: the callers of the function whose frame rbp is, innermost first.
    public static FramePointerWalker FromFrame(ulong rsp, ulong rbp) => new FramePointerWalker(rsp, rbp, 0, false);

    public bool MoveNext()
    {
        if (_done)
            return false;
        if (!_started)
        {
            _started = true;
            if (_hasFirst)
            {
                Address = _first;
                IsReturnAddress = false;
                return true;
            }
            return FollowFrame();
        }
        if (!_image.IsCode(Address))
        {
            // A call through a bad pointer: the return address is still on top of the stack.
            return TakeSlot(_low);
        }
        ulong lookup = IsReturnAddress ? Address - 1 : Address;
        if (SymbolTable.TryFindStart(lookup, out ulong start) && *(byte*)start != PushRbp)
        {
            ulong slot = FindReturnInto(start);
            if (slot != 0)
                return TakeSlot(slot);
            // Not found (e.g. the call was indirect): the chain below skips the caller.
        }
        return FollowFrame();
    }

    // The current function has a frame at rbp: its return address and its caller's rbp.
    private bool FollowFrame()
    {
        if (!IsStackSlot(_rbp, _low))
            return Stop();
        ulong returnAddress = *(ulong*)(_rbp + 8);
        if (!_image.IsCode(returnAddress))
            return Stop();
        // Callers' frames lie above: the chain must climb, or it would loop.
        _low = _rbp + 16;
        _rbp = *(ulong*)_rbp;
        Address = returnAddress;
        IsReturnAddress = true;
        return true;
    }

    // The current function has no frame: its return address is the first stack word at or
    // above _low that points just after a direct call to the function's start.
    private ulong FindReturnInto(ulong start)
    {
        ulong limit = _rbp > _low && _rbp - _low < MaxScan ? _rbp : _low + MaxScan;
        for (ulong slot = _low; slot < limit && IsStackSlot(slot, _low); slot += 8)
        {
            ulong word = *(ulong*)slot;
            if (IsCallTo(word, start))
                return slot;
        }
        return 0;
    }

    private bool IsCallTo(ulong returnAddress, ulong target)
    {
        if (!_image.IsCode(returnAddress) || returnAddress - (ulong)CallRelativeSize < _image.Start)
            return false;
        byte* call = (byte*)(returnAddress - CallRelativeSize);
        return *call == CallRelative && returnAddress + (ulong)(long)*(int*)(call + 1) == target;
    }

    private bool TakeSlot(ulong slot)
    {
        if (!IsStackSlot(slot, _low))
            return Stop();
        ulong returnAddress = *(ulong*)slot;
        if (!_image.IsCode(returnAddress))
            return Stop();
        _low = slot + 8;
        Address = returnAddress;
        IsReturnAddress = true;
        return true;
    }

    private bool Stop()
    {
        _done = true;
        return false;
    }

    // A two-word frame record at address, at or not too far above lowest.
    private static bool IsStackSlot(ulong address, ulong lowest) =>
        address >= LowestAddress && (address & 7) == 0 && address >= lowest
        && address - lowest < MaxFrameSize && address <= ulong.MaxValue - 16;
}
