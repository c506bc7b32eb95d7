using Uk.Drivers.Virtio;
using Uk.Drivers.VirtioNet;

namespace Unikraft.Virtio.Tests;

// Which features the driver asks for, and what the accepted set means for the header.
public sealed class NetFeatureTests
{
    private const ulong Never = 1UL << 11 | 1UL << 7 | 1UL << 17 | 1UL << 22 | 1UL << 28; // HOST_TSO4, GUEST_TSO4, CTRL_VQ, MQ, INDIRECT

    [Fact]
    public void EverythingOnAsksForOffloadsMergeableAndEventIndexButNeverGsoOrControl()
    {
        ulong wanted = VirtioNetFeatures.Wanted(checksumOffload: true, mergeable: true, eventIndex: true);

        ulong expected = VirtioNetFeatures.Mac | VirtioNetFeatures.Status | VirtioNetFeatures.Mtu | VirtioNetFeatures.AnyLayout
            | VirtioNetFeatures.Checksum | VirtioNetFeatures.GuestChecksum | VirtioNetFeatures.MergeableReceiveBuffers | VirtioFeatures.RingEventIndex;
        Assert.Equal(expected, wanted);
        Assert.Equal(0UL, wanted & Never);
    }

    [Fact]
    public void OptionsOffLeaveTheirFeaturesOut()
    {
        ulong wanted = VirtioNetFeatures.Wanted(checksumOffload: false, mergeable: false, eventIndex: false);

        Assert.Equal(0UL, wanted & (VirtioNetFeatures.Checksum | VirtioNetFeatures.GuestChecksum | VirtioNetFeatures.MergeableReceiveBuffers | VirtioFeatures.RingEventIndex));
        Assert.NotEqual(0UL, wanted & VirtioNetFeatures.Mac);
    }

    // What QEMU's user network offers (no virtio headers at the backend, so no CSUM).
    [Fact]
    public void AcceptedIsWhatBothSidesHave()
    {
        ulong offered = VirtioNetFeatures.Mac | VirtioNetFeatures.Status | VirtioNetFeatures.MergeableReceiveBuffers | VirtioFeatures.RingEventIndex
            | VirtioFeatures.Version1 | VirtioNetFeatures.AnyLayout | 1UL << 17;
        ulong accepted = offered & VirtioNetFeatures.Wanted(true, true, true);

        Assert.Equal("mac status mrg-rxbuf event-idx", VirtioNetFeatures.Describe(accepted));
    }

    [Theory]
    [InlineData(false, false, 10)]
    [InlineData(false, true, 12)]
    [InlineData(true, false, 12)]
    [InlineData(true, true, 12)]
    public void TheHeaderIsTwelveBytesOnModernDevicesOrWithMergeableBuffers(bool modern, bool mergeable, int length)
    {
        ulong accepted = (modern ? VirtioFeatures.Version1 : 0) | (mergeable ? VirtioNetFeatures.MergeableReceiveBuffers : 0);

        Assert.Equal(length, VirtioNetFeatures.HeaderLength(accepted));
    }

    [Fact]
    public void TheHeaderSharesADescriptorOnlyWithAnyLayoutOrVersion1()
    {
        Assert.False(VirtioNetFeatures.HeaderMaySharePlacement(VirtioNetFeatures.Mac));
        Assert.True(VirtioNetFeatures.HeaderMaySharePlacement(VirtioNetFeatures.AnyLayout));
        Assert.True(VirtioNetFeatures.HeaderMaySharePlacement(VirtioFeatures.Version1));
    }

    [Fact]
    public void KernelParametersOverrideOptionsAndBadOnesAreReported()
    {
        lock (NetOptionsLock.Gate)
        {
            int size = VirtioNetOptions.RxBufferSize;
            bool mergeable = VirtioNetOptions.Mergeable;
            try
            {
                int buffers = VirtioNetOptions.RxBuffers;
                string problems = VirtioNetParameters.Apply(["vfs.fstab=/=ramfs", "virtio-net.rx-buffer-size=256", "virtio-net.mergeable=off", "virtio-net.rx-buffers=x", "virtio-net.nosuch=1", "virtio-net.interrupts",
                    "virtio-net.rx-buffers=999999999", "virtio-net.rx-buffer-size=65537", "virtio-net.tx-queue-size=0"]);

                Assert.Equal(256, VirtioNetOptions.RxBufferSize);
                Assert.Equal(buffers, VirtioNetOptions.RxBuffers);
                Assert.False(VirtioNetOptions.Mergeable);
                Assert.Equal("virtio-net.rx-buffers=x, virtio-net.nosuch=1, virtio-net.interrupts, virtio-net.rx-buffers=999999999, virtio-net.rx-buffer-size=65537, virtio-net.tx-queue-size=0", problems);
            }
            finally
            {
                VirtioNetOptions.RxBufferSize = size;
                VirtioNetOptions.Mergeable = mergeable;
            }
        }
    }
}

public sealed class BufferBudgetTests
{
    [Theory]
    [InlineData(512, 2048, 64UL << 20, 64, 512)]       // fits: as asked (4 KiB each with the header)
    [InlineData(65536, 2048, 16UL << 20, 64, 4096)]    // lowered to what 16 MiB holds
    [InlineData(5000, 4000, 20000UL * 4096, 64, 5000)] // 4,064 bytes still fit a 4 KiB block
    [InlineData(65536, 65536, 1UL << 20, 64, 64)]      // never below the rings' minimum
    [InlineData(100, 0, 0UL, 64, 100)]                 // no size, nothing to fit
    public void LowersACountTheBudgetCannotHold(int requested, int bytes, ulong budget, int minimum, int expected) =>
        Assert.Equal(expected, BufferBudget.Fit(requested, bytes, budget, minimum));
}

// The options are static: tests that change them or build devices from them take turns.
internal static class NetOptionsLock
{
    public static readonly object Gate = new();
}
