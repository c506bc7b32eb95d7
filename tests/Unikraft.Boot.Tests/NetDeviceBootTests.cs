using System.Globalization;

namespace Unikraft.Boot.Tests;

// virtio-net without a network stack (tests/apps/net-raw): ARP, DHCP, ICMP echo floods and
// transmit blasts built by hand against QEMU's user network, on both virtio transports,
// with and without mergeable receive buffers, by interrupt and polled. Checksum offload
// needs a backend with virtio headers, which the user network is not: those tests put the
// guest on a tap device in a network namespace of its own, with Linux on the other side.
public sealed class NetDeviceBootTests
{
    private const string GatewayMac = "52:55:0a:00:02:02";

    // The device option, the transport the driver picks, how it is signalled, whether
    // mergeable receive buffers are negotiated.
    public static TheoryData<string, string, string, bool> Devices => new()
    {
        { ",disable-legacy=on", "modern", ", msi-x vectors 0xc0/0xc1", true },
        { ",disable-modern=on", "legacy", ", irq ", true },
        { ",disable-legacy=on,mrg_rxbuf=off", "modern", ", msi-x vectors 0xc0/0xc1", false },
        { ",disable-modern=on,mrg_rxbuf=off", "legacy", ", irq ", false },
    };

    private static HostProcessResult Boot(string commandLine, params string[] devices)
    {
        var arguments = new List<string>();
        for (int i = 0; i < devices.Length; i++)
            arguments.AddRange(["-netdev", "user,id=n" + i, "-device", "virtio-net-pci,netdev=n" + i + devices[i]]);
        return Qemu.BootElfWith(Images.NetRaw.Elf, commandLine, arguments, memoryMiB: 64);
    }

    private static string DriverLine(HostProcessResult run, string name = "eth0") =>
        Assert.Single(run.Lines, line => line.StartsWith("[ info] virtio-net: " + name + " at ", StringComparison.Ordinal));

    // The counters line: "virtio-net: merged frames N, interrupts N, rx checksums completed N, ...".
    private static long Counter(HostProcessResult run, string name)
    {
        string line = Assert.Single(run.Lines, l => l.StartsWith("virtio-net: merged frames ", StringComparison.Ordinal));
        int at = line.IndexOf(name + " ", StringComparison.Ordinal);
        Assert.True(at >= 0, "no counter '" + name + "' in: " + line);
        string rest = line[(at + name.Length + 1)..];
        int end = rest.IndexOf(',');
        return long.Parse(end < 0 ? rest : rest[..end], CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void ArpDhcpAndAThousandPingsGoThrough(string deviceOptions, string transport, string signal, bool mergeable)
    {
        HostProcessResult run = Boot("ping=1000 size=56", deviceOptions);

        string driver = DriverLine(run);
        Assert.Contains(", " + transport + " transport, mac 52:54:00:12:34:56, mtu 1500, link up", driver);
        Assert.Contains(signal, driver);
        Assert.Equal(mergeable, driver.Contains("mrg-rxbuf"));
        // The user network has no virtio headers, so QEMU offers no checksum offload.
        Assert.DoesNotContain("csum", driver);
        Assert.Contains("net-raw: eth0 mac 52:54:00:12:34:56 mtu 1500 link up offloads " + (mergeable ? "mrg-rxbuf" : "none") + " devices 1", run.Lines);
        Assert.Contains("arp: 10.0.2.2 is at " + GatewayMac, run.Lines);
        Assert.Contains("dhcp: offer 10.0.2.15 from 10.0.2.2, checksum by driver, offer udp checksum ok, device verified no", run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 1000, replies 1000, bad 0, duplicates 0, payload 56 bytes", StringComparison.Ordinal));
        Assert.Equal(0, Counter(run, "rejected completions"));
        Assert.True(Counter(run, "interrupts") > 0, "frames were signalled by interrupt");
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // 256-byte receive buffers: with MRG_RXBUF every 1442-byte echo reply arrives in six
    // buffers the driver merges; without it the driver must raise the buffer size so a whole
    // frame fits one buffer. The payload pattern of every reply is checked by the guest.
    [Theory]
    [MemberData(nameof(Devices))]
    public void LargeFramesArriveWholeWithSmallReceiveBuffers(string deviceOptions, string transport, string signal, bool mergeable)
    {
        HostProcessResult run = Boot("virtio-net.rx-buffer-size=256 -- ping=300 size=1400 dhcp=off", deviceOptions);

        string driver = DriverLine(run);
        Assert.Contains(transport + " transport", driver);
        Assert.Contains(signal, driver);
        Assert.Contains(mergeable ? ", rx buffers of 256" : ", rx buffers of " + (1518 + (transport == "legacy" ? 10 : 12)), driver);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 300, replies 300, bad 0, duplicates 0, payload 1400 bytes", StringComparison.Ordinal));
        long merged = Counter(run, "merged frames");
        if (mergeable)
            Assert.True(merged >= 300, "merged " + merged);
        else
            Assert.Equal(0, merged);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // Rings of 16 descriptors under a window of 64 echo requests and a blast of 5000 frames:
    // both rings wrap hundreds of times, the receive ring is refilled while QEMU holds back
    // frames it has no buffer for, and a full transmit ring returns false until the
    // transmit interrupt says buffers came back. tx=timer makes QEMU collect transmissions
    // for 150 us, so the ring fills whatever the host's timing (its default bottom half
    // sometimes keeps up with the guest).
    [Theory]
    [InlineData(",disable-legacy=on,tx=timer", "modern")]
    [InlineData(",disable-legacy=on,mrg_rxbuf=off,tx=timer", "modern")]
    public void SmallRingsWrapAndRefill(string deviceOptions, string transport)
    {
        HostProcessResult run = Boot("virtio-net.rx-queue-size=16 virtio-net.tx-queue-size=16 virtio-net.rx-buffers=16 -- ping=2000 window=64 blast=5000 dhcp=off", deviceOptions);

        string driver = DriverLine(run);
        Assert.Contains(transport + " transport", driver);
        Assert.Contains(", queues 16/16", driver);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 2000, replies 2000, bad 0, duplicates 0", StringComparison.Ordinal));
        string blast = Assert.Single(run.Lines, line => line.StartsWith("blast: sent 5000 frames of 60 bytes", StringComparison.Ordinal));
        long full = long.Parse(blast[(blast.LastIndexOf("ring full ", StringComparison.Ordinal) + 10)..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(full >= 100, "the transmit ring filled too rarely: " + blast);
        Assert.True(Counter(run, "interrupts") >= full / 2, "full rings waited for transmit interrupts");
        Assert.Equal(0, Counter(run, "rejected completions"));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // Without EVENT_IDX interrupts are suppressed by the NO_INTERRUPT flag instead of
    // used_event: the same echo flood and a blast that fills a 16-entry transmit ring.
    [Fact]
    public void WithoutEventIndicesTheFlagsSuppressInterrupts()
    {
        HostProcessResult run = Boot("virtio-net.event-index=false virtio-net.tx-queue-size=16 -- ping=1000 blast=3000 dhcp=off", ",disable-legacy=on,tx=timer");

        string driver = DriverLine(run);
        Assert.DoesNotContain("event-idx", driver);
        Assert.Contains(", queues 256/16", driver);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 1000, replies 1000, bad 0, duplicates 0", StringComparison.Ordinal));
        string blast = Assert.Single(run.Lines, line => line.StartsWith("blast: sent 3000 frames", StringComparison.Ordinal));
        Assert.DoesNotContain("ring full 0 times", blast);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Theory]
    [InlineData(",disable-legacy=on")]
    [InlineData(",disable-modern=on")]
    public void APolledDeviceWorksWithoutInterrupts(string deviceOptions)
    {
        HostProcessResult run = Boot("virtio-net.interrupts=false -- ping=500", deviceOptions);

        Assert.EndsWith(", polled", DriverLine(run));
        Assert.Contains("arp: 10.0.2.2 is at " + GatewayMac, run.Lines);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 500, replies 500, bad 0", StringComparison.Ordinal));
        Assert.Equal(0, Counter(run, "interrupts"));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // A PC without ACPI has no I/O APIC and so no message vectors: the modern device falls
    // back to its INTx line on the 8259 PIC, and the ISR byte tells its interrupts apart.
    [Fact]
    public void WithoutMessageVectorsAModernDeviceUsesItsLine()
    {
        HostProcessResult run = Qemu.BootElfWith(Images.NetRaw.Elf, "ping=500",
            ["-machine", "acpi=off", "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0,disable-legacy=on"], memoryMiB: 64);

        Assert.Contains(run.Lines, line => line.Contains("interrupts: legacy PIC (8259)"));
        string driver = DriverLine(run);
        Assert.Contains("modern transport", driver);
        Assert.Matches(", irq [0-9]+$", driver);
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 500, replies 500, bad 0", StringComparison.Ordinal));
        Assert.True(Counter(run, "interrupts") > 0);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void TwoDevicesBecomeEth0AndEth1()
    {
        HostProcessResult run = Boot("ping=10", ",disable-legacy=on,mac=52:54:00:00:00:01", ",disable-modern=on,mac=52:54:00:00:00:02");

        Assert.Contains("mac 52:54:00:00:00:01", DriverLine(run, "eth0"));
        Assert.Contains("legacy transport, mac 52:54:00:00:00:02", DriverLine(run, "eth1"));
        Assert.Contains(run.Lines, line => line.StartsWith("net-raw: eth0 mac 52:54:00:00:00:01", StringComparison.Ordinal) && line.EndsWith(" devices 2", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void AnUnknownKernelParameterIsReported()
    {
        HostProcessResult run = Boot("virtio-net.mergable=false virtio-net.rx-buffers=x -- ping=1 dhcp=off", ",disable-legacy=on");

        Assert.Contains("[ warn] virtio-net: ignored kernel parameters (bad name or value out of range): virtio-net.mergable=false, virtio-net.rx-buffers=x", run.Lines);
        Assert.Contains("mrg-rxbuf", DriverLine(run));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    // virtio-rng's seed bytes reach the CSPRNG on both transports; a device that gives too few
    // is named and the boot goes on; without one nothing is claimed.
    [Theory]
    [InlineData("virtio-rng-pci,disable-legacy=on")]
    [InlineData("virtio-rng-pci,disable-modern=on")]
    public void AVirtioRngDeviceReseedsTheKernelsGenerator(string device)
    {
        HostProcessResult run = Qemu.BootElfWith(Images.NetRaw.Elf, "-- ping=1 dhcp=off", ["-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0", "-device", device], memoryMiB: 64);

        Assert.Contains(run.Lines, line => line.StartsWith("[ info] random: reseeded with 64 bytes from virtio-rng at ", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    [Fact]
    public void AVirtioRngDeviceThatGivesTooLittleIsNamedAndTheBootGoesOn()
    {
        HostProcessResult starved = Qemu.BootElfWith(Images.NetRaw.Elf, "-- ping=1 dhcp=off", ["-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0", "-device", "virtio-rng-pci,max-bytes=4,period=60000"], memoryMiB: 64);
        Assert.Contains(starved.Lines, line => line.StartsWith("[ warn] virtio-rng: ", StringComparison.Ordinal) && line.EndsWith(": answered 4 bytes; booting on without its seed", StringComparison.Ordinal));
        Assert.DoesNotContain("reseeded", starved.Output);
        Assert.Equal(Qemu.ExitCodeFor(0), starved.ExitCode);

        HostProcessResult without = Boot("-- ping=1 dhcp=off", ",disable-legacy=on");
        Assert.DoesNotContain(without.Lines, line => line.StartsWith("[ warn] virtio-rng", StringComparison.Ordinal) || line.Contains("reseeded"));
        Assert.Equal(Qemu.ExitCodeFor(0), without.ExitCode);
    }

    // A huge value is refused like a malformed one; one in range that the heap cannot hold is
    // lowered to what fits, and the device still works.
    [Fact]
    public void BufferCountsBeyondRangeOrHeapAreRefusedOrLowered()
    {
        HostProcessResult run = Boot("virtio-net.rx-buffers=999999999 virtio-net.rx-buffer-size=9999999 -- ping=1 dhcp=off", ",disable-legacy=on");
        Assert.Contains("[ warn] virtio-net: ignored kernel parameters (bad name or value out of range): virtio-net.rx-buffers=999999999, virtio-net.rx-buffer-size=9999999", run.Lines);
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);

        HostProcessResult lowered = Boot("virtio-net.rx-buffers=60000 virtio-net.rx-buffer-size=4096 -- ping=1 dhcp=off", ",disable-legacy=on");
        Assert.Contains(lowered.Lines, line => line.StartsWith("[ warn] virtio-net: 60000 receive buffers of 4096 bytes and ", StringComparison.Ordinal) && line.Contains(" MiB of free heap: using "));
        DriverLine(lowered);
        Assert.DoesNotContain("PANIC", lowered.Output);
        Assert.Equal(Qemu.ExitCodeFor(0), lowered.ExitCode);
    }

    // Receive only: the host pushes 5000 numbered UDP datagrams through hostfwd=udp, paced
    // so QEMU's socket keeps up; the guest checks every payload. The modern device's ring of
    // 64 wraps about eighty times (the legacy one keeps its own 256).
    [Theory]
    [InlineData(",disable-legacy=on")]
    [InlineData(",disable-modern=on")]
    public void DatagramsFromTheHostArriveIntact(string deviceOptions)
    {
        const int Count = 5000;
        using QemuSession session = QemuSession.BootElfForwarded(Images.NetRaw.Elf, "virtio-net.rx-queue-size=64 -- ping=0 dhcp=off sink=" + Count, 64,
            port => ["-netdev", "user,id=n0,hostfwd=udp:127.0.0.1:" + port + "-10.0.2.15:5555", "-device", "virtio-net-pci,netdev=n0" + deviceOptions],
            "sink: ready on udp 5555", TimeSpan.FromSeconds(60), out int port);

        using (var sender = new System.Net.Sockets.UdpClient())
        {
            var target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port);
            var datagram = new byte[4 + 64];
            for (int n = 0; n < Count; n++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(datagram, n);
                for (int i = 0; i < 64; i++)
                    datagram[4 + i] = (byte)((n + i) % 251);
                sender.Send(datagram, datagram.Length, target);
                if (n % 100 == 99)
                    Thread.Sleep(5);
            }
        }
        int exit = session.WaitForExit(TimeSpan.FromSeconds(60));

        string sink = Assert.Single(session.Lines, line => line.StartsWith("sink: received ", StringComparison.Ordinal));
        int received = int.Parse(sink["sink: received ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        // Loopback UDP into QEMU can drop under load; the guest must lose nothing it was given.
        Assert.True(received >= Count * 9 / 10, sink);
        Assert.Contains(", bad 0, duplicates 0, ", sink);
        Assert.Contains(session.Lines, line => line.StartsWith("stats: ", StringComparison.Ordinal) && line.Contains("rx errors 0, rx dropped 0"));
        Assert.Equal(Qemu.ExitCodeFor(0), exit);
    }

    // On a tap device the host's Linux is 10.0.2.2 (a namespace of its own: no DHCP there).
    // A UDP datagram to its closed port 9 draws an ICMP port unreachable only when Linux
    // accepts the checksum; the host also sends datagrams to the guest's port 5555.
    public static TheoryData<string, bool> TapDevices => new()
    {
        { ",disable-legacy=on", true },
        { ",disable-modern=on", true },
        { ",disable-legacy=on,csum=off,guest_csum=off", false },
        { ",disable-modern=on,csum=off,guest_csum=off,mrg_rxbuf=off", false },
    };

    [Theory]
    [MemberData(nameof(TapDevices))]
    public void ChecksumsAreOffloadedOrDoneByTheDriver(string deviceOptions, bool offload)
    {
        HostProcessResult run = BootOnTap("dhcp=off probe listen=5555 ping=200" + (offload ? "" : " probe-bad"), deviceOptions);

        string driver = DriverLine(run);
        Assert.Equal(offload, driver.Contains("csum guest-csum"));
        Assert.Contains(run.Lines, line => line.StartsWith("net-raw: eth0", StringComparison.Ordinal) && line.Contains(offload ? "offloads tx-csum rx-csum" : "offloads "));
        Assert.Contains("arp: 10.0.2.2 is at " + GatewayMac, run.Lines);
        Assert.Contains("probe: checksum by " + (offload ? "device" : "driver") + ", port unreachable from 10.0.2.2", run.Lines);
        if (!offload)
        {
            // The control: the same datagram with a wrong checksum seed is dropped by Linux.
            Assert.Contains("probe-bad: checksum by driver, no port unreachable", run.Lines);
        }
        // Linux leaves the checksum of what it sends through a tap with virtio headers
        // partial: the driver must finish it, and then the guest's own check passes.
        Assert.Contains("listen: 16 bytes from 10.0.2.2 \"hello-from-host.\", udp checksum ok, device verified " + (offload ? "yes" : "no"), run.Lines);
        if (offload)
            Assert.True(Counter(run, "rx checksums completed") > 0);
        else
            Assert.Equal(0, Counter(run, "rx checksums completed"));
        Assert.Contains(run.Lines, line => line.StartsWith("ping: sent 200, replies 200, bad 0", StringComparison.Ordinal));
        Assert.Equal(Qemu.ExitCodeFor(0), run.ExitCode);
    }

    private static HostProcessResult BootOnTap(string commandLine, string deviceOptions)
    {
        const string Tap = "uktap0";
        string script = string.Join(" && ",
            "ip link set lo up",
            "ip tuntap add dev " + Tap + " mode tap",
            "ip link set " + Tap + " address " + GatewayMac,
            "ip addr add 10.0.2.2/24 dev " + Tap,
            "ip link set " + Tap + " up",
            "(for i in $(seq 40); do sleep 0.25; echo hello-from-host > /dev/udp/10.0.2.15/5555; done >/dev/null 2>&1 &)",
            "exec qemu-system-x86_64 -nodefaults -display none -serial stdio -no-reboot -m 64M"
                + " -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel '" + Images.NetRaw.Elf + "' -append '" + commandLine + "'"
                + " -netdev tap,id=n0,ifname=" + Tap + ",script=no,downscript=no -device virtio-net-pci,netdev=n0" + deviceOptions);
        // A user and network namespace of its own: no privileges needed, nothing left behind.
        HostProcessResult run = HostProcess.Run("unshare", ["--net", "--map-root-user", "bash", "-c", script], TimeSpan.FromSeconds(60));
        Assert.False(run.TimedOut, "QEMU on the tap device timed out:\n" + run.Output);
        // Needs user namespaces, /dev/net/tun and iproute2; say so rather than fail obscurely.
        Assert.True(run.Output.Contains("booting 'net-raw'"), "no tap device for QEMU (unshare, ip tuntap or /dev/net/tun failed):\n" + run.Output);
        return run;
    }
}
