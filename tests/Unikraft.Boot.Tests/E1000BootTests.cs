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
        Assert.DoesNotContain(session.Lines, l => l.StartsWith("PANIC"));
    }

    private static long Counter(string text, string name)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(name + " "))
                return long.Parse(line[(name.Length + 1)..]);
        }
        return -1;
    }
}
