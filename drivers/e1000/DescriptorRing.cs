using System;
using Uk.Drivers.Pci;

namespace Uk.Drivers.E1000;

// A ring of 16-byte legacy descriptors in memory the device reads and writes by DMA.
// Receive: buffer address (8), length (2), checksum (2), status (1), errors (1), special (2).
// Transmit: buffer address (8), length (2), CSO (1), command (1), status (1), CSS (1),
// special (2). The status byte sits at offset 12 in both, so one accessor serves both.
public sealed unsafe class DescriptorRing
{
    public const int DescriptorBytes = 16;
    private const int LengthOffset = 8;
    private const int StatusOffset = 12;
    private const int ErrorsOffset = 13;

    private readonly byte* _base;

    public DescriptorRing(byte* memory, int count)
    {
        _base = memory;
        Count = count;
    }

    public int Count { get; }

    // Identity-mapped memory: the address the device is given is the pointer itself.
    public ulong Address => (ulong)_base;

    public int Bytes => Count * DescriptorBytes;

    public ushort ReadLength(int index) => DeviceMemory.Read16(_base + index * DescriptorBytes + LengthOffset);

    public byte ReadStatus(int index) => DeviceMemory.Read8(_base + index * DescriptorBytes + StatusOffset);

    public byte ReadErrors(int index) => DeviceMemory.Read8(_base + index * DescriptorBytes + ErrorsOffset);

    // Hands the whole of buffer to the device to receive into, with status cleared. The
    // kernel heap never moves objects, so the array's address stays valid while the device
    // holds it.
    public void PostReceive(int index, byte[] buffer)
    {
        byte* descriptor = _base + index * DescriptorBytes;
        fixed (byte* data = buffer)
        {
            DeviceMemory.Write64(descriptor, (ulong)data);
        }
        DeviceMemory.Write64(descriptor + LengthOffset, 0);
    }

    // Hands buffer[offset .. offset+length) to the device to send, status cleared.
    public void PostTransmit(int index, byte[] buffer, int offset, int length, byte command)
    {
        if ((uint)offset > (uint)buffer.Length || (uint)length > (uint)(buffer.Length - offset))
            throw new ArgumentOutOfRangeException(nameof(length));
        byte* descriptor = _base + index * DescriptorBytes;
        fixed (byte* data = buffer)
        {
            DeviceMemory.Write64(descriptor, (ulong)(data + offset));
        }
        DeviceMemory.Write64(descriptor + LengthOffset, (ulong)(ushort)length | (ulong)command << 24);
    }
}
