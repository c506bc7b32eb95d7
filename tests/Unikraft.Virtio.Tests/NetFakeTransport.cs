using Uk.Drivers.Virtio;

namespace Unikraft.Virtio.Tests;

// The register side of a virtio-net device for host tests: features, a device config
// (MAC, status, MTU) and a record of the queue notifications. The rings themselves are
// driven through SimulatedDevice.
internal sealed class NetFakeTransport : IVirtioTransport
{
    public NetFakeTransport(bool modern) => IsModern = modern;

    public byte[] Config { get; } = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 1, 0, 1, 0, 0xDC, 0x05];

    public int[] Notifications { get; } = new int[2];

    public byte InterruptStatus { get; set; }

    public string Name => IsModern ? "modern" : "legacy";

    public bool IsModern { get; }

    public ulong DeviceFeatures { get; set; }

    public void SetDriverFeatures(ulong features) => DeviceFeatures = features;

    public byte Status { get; set; }

    public void Reset() => Status = 0;

    public ushort MaximumQueueSize(int queue) => 256;

    public bool CanResizeQueues => IsModern;

    public bool ActivateQueue(int queue, ushort size, SplitQueue ring, ulong ringMemory, ushort vector) => true;

    public void Notify(int queue) => Notifications[queue]++;

    public byte ReadInterruptStatus()
    {
        byte status = InterruptStatus;
        InterruptStatus = 0;
        return status;
    }

    public byte ReadConfig8(int offset) => offset >= 0 && offset < Config.Length ? Config[offset] : (byte)0;

    public uint ReadConfig32(int offset) => (uint)(ReadConfig8(offset) | ReadConfig8(offset + 1) << 8 | ReadConfig8(offset + 2) << 16 | ReadConfig8(offset + 3) << 24);

    public ulong ReadConfig64(int offset) => ReadConfig32(offset) | (ulong)ReadConfig32(offset + 4) << 32;
}
