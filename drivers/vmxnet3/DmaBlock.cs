using System;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Vmxnet3;

// A block of identity-mapped memory the device reads and writes by DMA: the shared driver
// area, the queue descriptors and the rings. Every access is bounds-checked, so a wrong
// index is an exception here and never a write elsewhere.
public sealed unsafe class DmaBlock
{
    private readonly byte* _base;

    public DmaBlock(byte* memory, int length)
    {
        _base = memory;
        Length = length;
    }

    public int Length { get; }

    // The address the device is given: the pointer itself (identity map).
    public ulong Address => (ulong)_base;

    public uint Read32(int offset) => DeviceMemory.Read32(At(offset, 4));

    public void Write8(int offset, byte value) => DeviceMemory.Write8(At(offset, 1), value);

    public void Write16(int offset, ushort value) => DeviceMemory.Write16(At(offset, 2), value);

    public void Write32(int offset, uint value) => DeviceMemory.Write32(At(offset, 4), value);

    public void Write64(int offset, ulong value) => DeviceMemory.Write64(At(offset, 8), value);

    public void Clear()
    {
        for (int i = 0; i < Length; i++)
            _base[i] = 0;
    }

    // Where buffer[offset] is: the kernel heap never moves objects, so the address stays
    // valid while the device holds it.
    public static ulong AddressOf(byte[] buffer, int offset)
    {
        if ((uint)offset > (uint)buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(offset));
        fixed (byte* data = buffer)
        {
            return (ulong)(data + offset);
        }
    }

    private byte* At(int offset, int size)
    {
        if (offset < 0 || offset > Length - size)
            throw new ArgumentOutOfRangeException(nameof(offset));
        return _base + offset;
    }
}
