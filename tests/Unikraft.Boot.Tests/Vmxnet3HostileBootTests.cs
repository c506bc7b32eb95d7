namespace Unikraft.Boot.Tests;

// NetworkHostileBootTests' scenario (garbage, malformed and flooding frames, then a real
// request that must be served) on vmxnet3, whose QEMU model pads short frames to 60 bytes.
public sealed class Vmxnet3HostileBootTests
{
    [Fact]
    public void HostileTrafficOnVmxnet3IsDroppedAndARealRequestIsStillServed() =>
        NetworkHostileBootTests.Run(Images.NetHostileVmxnet3.Elf, "vmxnet3", padsShortFrames: true, paceBursts: true);
}
