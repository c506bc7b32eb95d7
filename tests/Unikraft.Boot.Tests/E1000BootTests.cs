using System.Globalization;

namespace Unikraft.Boot.Tests;

// apps/httpserver's boot tests (HttpServerBootTests) on QEMU's 82540EM, plus what the driver
// itself says: it claimed the chip, found the link up, and the traffic left no receive errors.
public sealed class E1000BootTests(E1000Guest guest) : HttpServerBootTests(guest), IClassFixture<E1000Guest>
{
    [Fact]
    public void TheE1000LibraryDrivesThe82540EM() => E1000Driver.Check(Guest.Session, "82540EM", ", irq ", StatsAfterRequests(5));
}

// The same on QEMU's 82574L, which signals through three MSI-X entries.
public sealed class E1000eBootTests(E1000eGuest guest) : HttpServerBootTests(guest), IClassFixture<E1000eGuest>
{
    [Fact]
    public void TheE1000LibraryDrivesThe82574L() => E1000Driver.Check(Guest.Session, "82574L", ", msi-x vectors 0x", StatsAfterRequests(5));
}

// The same on QEMU's 82545EM, the chip VMware gives guests as "e1000".
public sealed class E1000VmwareBootTests(E1000VmwareGuest guest) : HttpServerBootTests(guest), IClassFixture<E1000VmwareGuest>
{
    [Fact]
    public void TheE1000LibraryDrivesThe82545EM() => E1000Driver.Check(Guest.Session, "82545EM", ", irq ", StatsAfterRequests(5));
}

// The same on q35, where the 82574L sits on PCI Express.
public sealed class E1000eQ35BootTests(E1000eQ35Guest guest) : HttpServerBootTests(guest), IClassFixture<E1000eQ35Guest>
{
    [Fact]
    public void TheE1000LibraryDrivesThe82574LOnPciExpress()
    {
        E1000Driver.Check(Guest.Session, "82574L", ", msi-x vectors 0x", StatsAfterRequests(5));
        Assert.Contains(Guest.Session.Lines, l => l.Contains("pci: configuration space through ECAM"));
    }
}

// The 82574L on its INTx line (no message vectors without ACPI): the handler must clear the
// causes it read, which reading alone does not do on every 82574 model.
public sealed class E1000eIntxBootTests(E1000eIntxGuest guest) : HttpServerBootTests(guest), IClassFixture<E1000eIntxGuest>
{
    [Fact]
    public void The82574LFallsBackToItsInterruptLine() => E1000Driver.Check(Guest.Session, "82574L", ", irq ", StatsAfterRequests(5));
}

// The same with e1000.interrupts false: the driver takes no interrupt and the network thread
// finds every frame by polling.
public sealed class E1000PolledBootTests(E1000PolledGuest guest) : HttpServerBootTests(guest), IClassFixture<E1000PolledGuest>
{
    [Fact]
    public void ThePolledDriverServesWithoutInterrupts()
    {
        string stats = StatsAfterRequests(5);
        string line = Assert.Single(Guest.Session.Lines, l => l.Contains("e1000: eth0 at "));
        Assert.EndsWith(", 82540EM, mac 52:54:00:12:34:56, link up, rings 256/256, polled", line);
        Assert.Contains("netdev-interrupts 0\n", stats);
        Assert.Contains("netdev-rx-errors 0\n", stats);
        Assert.DoesNotContain(Guest.Session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }
}

// Two Intel NICs of both families in one guest: eth0 and eth1 in bus order, each with its
// own MAC and interrupts, and the stack serving on eth0.
public sealed class E1000TwoNicsBootTests
{
    [Fact]
    public void An82540EMAndAn82574LBecomeEth0AndEth1()
    {
        using QemuSession session = QemuSession.BootElfForwarded(Images.HttpE1000.Elf, "", 128,
            port => ["-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80", "-device", "e1000,netdev=n0,addr=04",
                     "-netdev", "user,id=n1", "-device", "e1000e,netdev=n1,addr=05,mac=52:54:00:00:00:02"],
            "httpserver: listening on http://10.0.2.15:80/", TimeSpan.FromSeconds(90), out int port);
        string[] lines = session.Lines;
        Assert.Contains(lines, l => l.Contains("e1000: eth0 at 00:04.0, 82540EM, mac 52:54:00:12:34:56, link up") && l.Contains(", irq "));
        Assert.Contains(lines, l => l.Contains("e1000: eth1 at 00:05.0, 82574L, mac 52:54:00:00:00:02, link up") && l.Contains(", msi-x vectors 0x"));
        Assert.Contains(lines, l => l.Contains("netstack: eth0 10.0.2.15/24"));
        HostProcessResult page = HostProcess.Run("curl", ["-s", "-S", "--max-time", "60", "http://127.0.0.1:" + port + "/"], TimeSpan.FromSeconds(90));
        Assert.Equal(0, page.ExitCode);
        Assert.Contains("<h1>It works.</h1>", page.Output);
    }
}

internal static class E1000Driver
{
    public static void Check(QemuSession session, string chip, string interrupts, string stats)
    {
        string line = Assert.Single(session.Lines, l => l.Contains("e1000: eth0 at "));
        Assert.Contains(", " + chip + ", mac 52:54:00:12:34:56, link up, rings 256/256" + interrupts, line);
        Assert.DoesNotContain(session.Lines, l => l.Contains("virtio"));
        Assert.Contains("netdev-rx-errors 0\n", stats);
        Assert.Contains("netdev-tx-errors 0\n", stats);
        Assert.True(Counter(stats, "netdev-rx-frames") >= 10, stats);
        Assert.True(Counter(stats, "netdev-tx-frames") >= 10, stats);
        Assert.True(Counter(stats, "netdev-interrupts") >= 1, stats);
        Assert.DoesNotContain(session.Lines, l => l.StartsWith("PANIC", StringComparison.Ordinal));
    }

    private static long Counter(string text, string name)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
                return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
        return -1;
    }
}
