namespace Unikraft.Boot.Tests;

// httpserver on QEMU's vmxnet3 (VMware's paravirtual NIC).
public sealed class Vmxnet3Guest() : HttpServerGuest(Images.HttpVmxnet3.Elf, "vmxnet3");

// apps/httpserver's boot tests (HttpServerBootTests) on vmxnet3, plus what the driver itself
// says: it activated the device, found the link up, and the traffic left no errors.
public sealed class Vmxnet3BootTests(Vmxnet3Guest guest) : HttpServerBootTests(guest), IClassFixture<Vmxnet3Guest>
{
    [Fact]
    public void TheVmxnet3LibraryDrivesTheDevice()
    {
        string stats = StatsAfterRequests(5);
        string line = Assert.Single(Guest.Session.Lines, l => l.Contains("vmxnet3: eth0 at "));
        Assert.Contains(", mac 52:54:00:12:34:56, link up, rings 256/256, msi-x vectors 0x", line);
        Assert.DoesNotContain(Guest.Session.Lines, l => l.Contains("virtio") || l.Contains("e1000"));
        Assert.Contains("netdev-rx-errors 0\n", stats);
        Assert.Contains("netdev-tx-errors 0\n", stats);
        Assert.True(Counter(stats, "netdev-rx-frames") >= 10, stats);
        Assert.True(Counter(stats, "netdev-tx-frames") >= 10, stats);
        Assert.True(Counter(stats, "netdev-interrupts") >= 1, stats);
        Assert.DoesNotContain(Guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }
}

// Without ACPI there is no I/O APIC and so no message vectors: the driver falls back to the
// INTx line, routed through the 8259 PICs, one interrupt for everything.
public sealed class Vmxnet3IntxGuest() : HttpServerGuest(Images.HttpVmxnet3.Elf, "vmxnet3", "-machine", "acpi=off");

public sealed class Vmxnet3IntxBootTests(Vmxnet3IntxGuest guest) : HttpServerBootTests(guest), IClassFixture<Vmxnet3IntxGuest>
{
    [Fact]
    public void TheDriverFallsBackToItsInterruptLine()
    {
        string stats = StatsAfterRequests(5);
        string line = Assert.Single(Guest.Session.Lines, l => l.Contains("vmxnet3: eth0 at "));
        Assert.Contains(", link up, rings 256/256, irq ", line);
        Assert.Contains("netdev-rx-errors 0\n", stats);
        Assert.True(Counter(stats, "netdev-interrupts") >= 1, stats);
    }
}
