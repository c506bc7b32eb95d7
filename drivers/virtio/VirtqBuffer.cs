namespace Uk.Drivers.Virtio;

// One piece of a request: a physically contiguous range the device reads, or writes when
// DeviceWritable.
public readonly struct VirtqBuffer
{
    public VirtqBuffer(ulong address, uint length, bool deviceWritable)
    {
        Address = address;
        Length = length;
        DeviceWritable = deviceWritable;
    }

    public ulong Address { get; }

    public uint Length { get; }

    public bool DeviceWritable { get; }
}
