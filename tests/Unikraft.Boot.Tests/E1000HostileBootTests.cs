namespace Unikraft.Boot.Tests;

// NetworkHostileBootTests' scenario (garbage, malformed and flooding frames, then a real
// request that must be served) on the Intel NICs the e1000 library drives. QEMU's models pad
// short frames to 60 bytes; its 8254x model also holds received frames for one second after
// the receive control register is written (a workaround for another guest's driver), which
// is about when net-hostile starts listening.
public sealed class E1000HostileBootTests
{
    private static readonly TimeSpan ReceiveHold = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void HostileTrafficOnThe82540EMIsDroppedAndARealRequestIsStillServed() =>
        NetworkHostileBootTests.Run(Images.NetHostileE1000.Elf, "e1000", padsShortFrames: true, settle: ReceiveHold, paceBursts: true);

    [Fact]
    public void HostileTrafficOnThe82574LIsDroppedAndARealRequestIsStillServed() =>
        NetworkHostileBootTests.Run(Images.NetHostileE1000.Elf, "e1000e", padsShortFrames: true, paceBursts: true);
}
