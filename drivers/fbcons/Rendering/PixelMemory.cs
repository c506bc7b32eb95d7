using System;

namespace Uk.Drivers.FramebufferConsole;

// The bytes of the framebuffer: video memory on the machine, an array in the host tests.
public abstract class PixelMemory
{
    public abstract Span<byte> Bytes { get; }
}

public sealed class ArrayPixelMemory : PixelMemory
{
    private readonly byte[] _bytes;

    public ArrayPixelMemory(byte[] bytes) => _bytes = bytes;

    public override Span<byte> Bytes => _bytes;
}
