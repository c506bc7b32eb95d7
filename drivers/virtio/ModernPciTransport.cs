using Uk.Core;
using Uk.Drivers.Pci;

namespace Uk.Drivers.Virtio;

// The virtio 1.x PCI transport: the common configuration block (features, status, queue
// set-up), per-queue notify addresses, the ISR byte and the device configuration, all in
// memory BARs found through the capability list.
public sealed unsafe class ModernPciTransport : IVirtioTransport
{
    private const int DeviceFeatureSelect = 0x00;
    private const int DeviceFeature = 0x04;
    private const int DriverFeatureSelect = 0x08;
    private const int DriverFeature = 0x0C;
    private const int MsixConfig = 0x10;
    private const int DeviceStatus = 0x14;
    private const int ConfigGeneration = 0x15;
    private const int QueueSelect = 0x16;
    private const int QueueSize = 0x18;
    private const int QueueMsixVector = 0x1A;
    private const int QueueEnable = 0x1C;
    private const int QueueNotifyOffset = 0x1E;
    private const int QueueDescriptors = 0x20;
    private const int QueueDriver = 0x28;
    private const int QueueDevice = 0x30;
    private const int CommonLength = 0x38;
    private const ushort NoVector = 0xFFFF;

    private readonly byte* _common;
    private readonly byte* _isr;
    private readonly byte* _device;
    private readonly uint _deviceLength;
    private readonly VirtioRegion _notify;
    private readonly uint _notifyMultiplier;
    private readonly ushort[] _notifyOffsets = new ushort[8];

    private ModernPciTransport(VirtioPciCapabilities caps)
    {
        _common = (byte*)caps.Common.Address;
        _isr = (byte*)caps.Isr.Address;
        _device = (byte*)caps.Device.Address;
        _deviceLength = caps.Device.Length;
        _notify = caps.Notify;
        _notifyMultiplier = caps.NotifyOffsetMultiplier;
    }

    // Null when the device lacks the modern capabilities or their BARs are out of reach.
    public static ModernPciTransport? Open(PciDevice device)
    {
        VirtioPciCapabilities caps = VirtioPciCapabilities.Read(device.ConfigSpace, device.Address, device.Bars);
        if (!caps.IsComplete || caps.Common.Length < CommonLength)
            return null;
        if (!Reachable(caps.Common) || !Reachable(caps.Notify) || !Reachable(caps.Isr) || (caps.Device.IsPresent && !Reachable(caps.Device)))
            return null;
        return new ModernPciTransport(caps);
    }

    // The first 4 GiB are identity-mapped; a BAR the firmware put higher is mapped 1:1 too.
    private static bool Reachable(VirtioRegion region)
    {
        if (region.Address + region.Length <= 0x1_0000_0000UL)
            return true;
        IAddressSpace? space = Kernel.AddressSpace;
        ulong page = region.Address & ~0xFFFUL;
        return space is not null && space.Map(page, page, region.Address + region.Length - page, PageRights.Writable | PageRights.CacheDisabled);
    }

    public string Name => "modern";

    public bool IsModern => true;

    public bool CanResizeQueues => true;

    public ulong DeviceFeatures
    {
        get
        {
            SharedMemory.Write32(_common + DeviceFeatureSelect, 0);
            ulong low = SharedMemory.Read32(_common + DeviceFeature);
            SharedMemory.Write32(_common + DeviceFeatureSelect, 1);
            ulong high = SharedMemory.Read32(_common + DeviceFeature);
            return low | (high << 32);
        }
    }

    public void SetDriverFeatures(ulong features)
    {
        SharedMemory.Write32(_common + DriverFeatureSelect, 0);
        SharedMemory.Write32(_common + DriverFeature, (uint)features);
        SharedMemory.Write32(_common + DriverFeatureSelect, 1);
        SharedMemory.Write32(_common + DriverFeature, (uint)(features >> 32));
    }

    public byte Status
    {
        get => SharedMemory.Read8(_common + DeviceStatus);
        set => SharedMemory.Write8(_common + DeviceStatus, value);
    }

    public void Reset()
    {
        Status = 0;
        for (int i = 0; i < 1000000 && Status != 0; i++)
        {
        }
        SharedMemory.Write16(_common + MsixConfig, NoVector);
    }

    public ushort MaximumQueueSize(int queue)
    {
        SharedMemory.Write16(_common + QueueSelect, (ushort)queue);
        return SharedMemory.Read16(_common + QueueSize);
    }

    public bool ActivateQueue(int queue, ushort size, SplitQueue ring, ulong ringMemory)
    {
        if (queue >= _notifyOffsets.Length)
            return false;
        SharedMemory.Write16(_common + QueueSelect, (ushort)queue);
        ushort maximum = SharedMemory.Read16(_common + QueueSize);
        if (size == 0 || size > maximum)
            return false;
        ushort notifyOffset = SharedMemory.Read16(_common + QueueNotifyOffset);
        if (!_notify.IsPresent || (ulong)notifyOffset * _notifyMultiplier + 2 > _notify.Length)
            return false;
        _notifyOffsets[queue] = notifyOffset;
        SharedMemory.Write16(_common + QueueSize, size);
        SharedMemory.Write16(_common + QueueMsixVector, NoVector);
        SharedMemory.Write64(_common + QueueDescriptors, ring.DescriptorsAddress);
        SharedMemory.Write64(_common + QueueDriver, ring.AvailableAddress);
        SharedMemory.Write64(_common + QueueDevice, ring.UsedAddress);
        SharedMemory.Write16(_common + QueueEnable, 1);
        return true;
    }

    public void Notify(int queue) =>
        SharedMemory.Write16((byte*)(_notify.Address + (ulong)_notifyOffsets[queue] * _notifyMultiplier), (ushort)queue);

    public byte ReadInterruptStatus() => SharedMemory.Read8(_isr);

    public byte ReadConfig8(int offset) => InDevice(offset, 1) ? SharedMemory.Read8(_device + offset) : (byte)0;

    public uint ReadConfig32(int offset) => InDevice(offset, 4) ? SharedMemory.Read32(_device + offset) : 0;

    // Retries while the configuration generation changes, so both halves belong together.
    public ulong ReadConfig64(int offset)
    {
        for (int attempt = 0; attempt < 16; attempt++)
        {
            byte before = SharedMemory.Read8(_common + ConfigGeneration);
            ulong value = ReadConfig32(offset) | ((ulong)ReadConfig32(offset + 4) << 32);
            if (SharedMemory.Read8(_common + ConfigGeneration) == before)
                return value;
        }
        return 0;
    }

    private bool InDevice(int offset, int length) => _device != null && offset >= 0 && (uint)(offset + length) <= _deviceLength;
}
