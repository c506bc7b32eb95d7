using System;

namespace Uk.Drivers.FramebufferConsole;

// The framebuffer's physical memory (identity-mapped) as a span: the console's only pointer.
internal sealed unsafe class VideoMemory : PixelMemory
{
    private readonly byte* _start;
    private readonly int _length;

    public VideoMemory(ulong address, int length)
    {
        _start = (byte*)address;
        _length = length;
    }

    public override Span<byte> Bytes => new Span<byte>(_start, _length);
}
