using Uk.Drivers.Acpi;
using Uk.Drivers.Apic.Controllers;

namespace Unikraft.Kernel.Tests.Hardware;

public sealed class ApicTests
{
    private const ulong TscHz = 3_000_000_000, ApicHz = 62_500_000;

    [Fact]
    public void LocalApicIsEnabledWithTheSpuriousVector()
    {
        var cpu = new FakeCpu();
        var mmio = new FakeLocalApic(cpu, TscHz, ApicHz);

        var apic = new LocalApic(mmio, cpu, 0xFF);

        Assert.Equal(FakeLocalApic.Base, apic.Address);
        Assert.Equal(0xFEE00000UL | 1 << 8 | 1 << 11, cpu.Msrs[LocalApic.BaseMsr]);
        Assert.Equal(0x1FFu, mmio.Registers[0xF0]);
        Assert.Equal(3u, apic.Id);
        apic.EndOfInterrupt();
        Assert.Equal(0u, mmio.Registers[0xB0]);
    }

    [Fact]
    public void CountModeMeasuresTheTimerAndTurnsDeadlinesIntoCounts()
    {
        var cpu = new FakeCpu(tscStep: 3000);
        var mmio = new FakeLocalApic(cpu, TscHz, ApicHz);
        var apic = new LocalApic(mmio, cpu, 0xFF);

        apic.InitializeTimer(0xF0, TscHz, tscDeadline: false);

        Assert.False(apic.UsesTscDeadline);
        Assert.InRange(apic.TimerHz, ApicHz - ApicHz / 1000, ApicHz + ApicHz / 1000);
        Assert.Equal(0xF0u, mmio.Registers[0x320]);          // one-shot, unmasked, vector
        Assert.Equal(0u, mmio.Registers[0x380]);             // stopped until armed

        // 1 ms ahead: ~62,500 ticks of the APIC timer.
        apic.ArmAt(cpu.Tsc + TscHz / 1000);
        Assert.InRange(mmio.Registers[0x380], 62_000u, 62_600u);

        apic.ArmAt(cpu.Tsc - 5);                              // already past: fire at once
        Assert.Equal(1u, mmio.Registers[0x380]);

        apic.ArmAt(cpu.Tsc + 1000 * TscHz);                  // too far for 32 bits: the longest wait
        Assert.Equal(uint.MaxValue, mmio.Registers[0x380]);

        apic.Stop();
        Assert.Equal(0u, mmio.Registers[0x380]);
        Assert.DoesNotContain(cpu.MsrWrites, w => w.Msr == LocalApic.TscDeadlineMsr);
    }

    [Fact]
    public void CountModeAimsShortOfLongWaitsAndLearnsTheRateFromEachExpiry()
    {
        var cpu = new FakeCpu(tscStep: 3000);
        var mmio = new FakeLocalApic(cpu, TscHz, ApicHz);
        var apic = new LocalApic(mmio, cpu, 0xFF);
        apic.InitializeTimer(0xF0, TscHz, tscDeadline: false);
        ulong measuredAtBoot = apic.TimerHz;

        // 10 ms ahead: a 64th short while the rate is uncertain.
        apic.ArmAt(cpu.Tsc + TscHz / 100);
        uint count = mmio.Registers[0x380];
        Assert.InRange(count, 615_000u, 616_000u);

        // The count ran out as if the timer ran at 60 MHz: the rate moves an eighth of the way.
        cpu.Tsc += count * TscHz / 60_000_000;
        apic.OnExpired();
        ulong expected = measuredAtBoot - (measuredAtBoot - 60_000_000) / 8;
        Assert.InRange(apic.TimerHz, expected - expected / 1000, expected + expected / 1000);

        // A short count (under 1 ms) or a stopped timer teaches nothing.
        ulong learned = apic.TimerHz;
        apic.ArmAt(cpu.Tsc + TscHz / 10_000);
        cpu.Tsc += TscHz;
        apic.OnExpired();
        apic.ArmAt(cpu.Tsc + TscHz / 100);
        apic.Stop();
        cpu.Tsc += TscHz;
        apic.OnExpired();
        Assert.Equal(learned, apic.TimerHz);
    }

    [Fact]
    public void TscDeadlineModeWritesTheDeadlineMsr()
    {
        var cpu = new FakeCpu();
        var mmio = new FakeLocalApic(cpu, TscHz, ApicHz);
        var apic = new LocalApic(mmio, cpu, 0xFF);

        apic.InitializeTimer(0xF0, TscHz, tscDeadline: true);
        apic.ArmAt(123_456_789);
        apic.Stop();

        Assert.True(apic.UsesTscDeadline);
        Assert.Equal(2u << 17 | 0xF0, mmio.Registers[0x320]);
        Assert.Equal(1, cpu.Fences);
        Assert.Equal([(0x6E0u, 0UL), (0x6E0u, 123_456_789UL), (0x6E0u, 0UL)], cpu.MsrWrites.Where(w => w.Msr == 0x6E0).ToArray());
        Assert.False(mmio.Registers.ContainsKey(0x380));
    }

    [Fact]
    public void IoApicMasksEveryPinAndRoutesByGsi()
    {
        var mmio = new FakeIoApic(0xFEC00000, 24);

        var ioApic = new IoApic(mmio, 0, 0xFEC00000, 0);

        Assert.Equal(24, ioApic.PinCount);
        Assert.All(Enumerable.Range(0, 24), pin => Assert.Equal(1UL << 16, mmio.Entry(pin)));
        ioApic.Route(5, 0x35, InterruptPolarity.ActiveLow, InterruptTrigger.Level, destinationApicId: 2);
        Assert.Equal(0x35UL | 1 << 13 | 1 << 15 | 2UL << 56, mmio.Entry(5));
        ioApic.Mask(5);
        Assert.Equal(1UL << 16, mmio.Entry(5) & 1 << 16);
        ioApic.Unmask(5);
        Assert.Equal(0UL, mmio.Entry(5) & 1 << 16);
    }

    [Fact]
    public void IsaIrqsFollowTheMadtOverrides()
    {
        var first = new FakeIoApic(0xFEC00000, 24);
        var second = new FakeIoApic(0xFEC01000, 8);
        var routing = new InterruptRouting(
            [new IoApic(first, 0, 0xFEC00000, 0), new IoApic(second, 1, 0xFEC01000, 24)],
            [new InterruptOverride(0, 2, InterruptPolarity.Conforming, InterruptTrigger.Conforming),
             new InterruptOverride(9, 9, InterruptPolarity.ActiveHigh, InterruptTrigger.Level)]);

        Assert.True(routing.RouteIsaIrq(0, 0x32, 0, out uint timerGsi));
        Assert.Equal(2u, timerGsi);
        Assert.Equal(0x32UL, first.Entry(2));                        // high, edge, unmasked
        Assert.Equal(1UL << 16, first.Entry(0));                     // pin 0 untouched

        Assert.True(routing.RouteIsaIrq(9, 0x39, 0, out _));
        Assert.Equal(0x39UL | 1 << 15, first.Entry(9));              // level, active high

        Assert.Equal(4u, routing.IsaIrqToGsi(4, out InterruptPolarity polarity, out InterruptTrigger trigger));
        Assert.Equal(InterruptPolarity.ActiveHigh, polarity);
        Assert.Equal(InterruptTrigger.Edge, trigger);

        Assert.True(routing.RouteGsi(27, 0x4B, InterruptPolarity.ActiveLow, InterruptTrigger.Level, 0));
        Assert.Equal(0x4BUL | 1 << 13 | 1 << 15, second.Entry(3));
        Assert.False(routing.RouteGsi(32, 0x50, InterruptPolarity.ActiveHigh, InterruptTrigger.Edge, 0));
        Assert.Equal(32, routing.PinCount);
    }

    [Fact]
    public void PicIsRemappedMaskedAndUnmaskedThroughTheCascade()
    {
        var ports = new FakePorts(_ => 0);

        var pic = new LegacyPic(ports, 0x20);

        (ushort, byte)[] init = ports.Writes.Where(w => w.Port != 0x80).ToArray();
        Assert.Equal([(0x20, 0x11), (0xA0, 0x11), (0x21, 0x20), (0xA1, 0x28), (0x21, 0x04), (0xA1, 0x02), (0x21, 0x01), (0xA1, 0x01), (0x21, 0xFF), (0xA1, 0xFF)], init);
        pic.Unmask(9);
        Assert.Equal((ushort)0xFFFF & ~(1 << 9 | 1 << 2), pic.Masks);
        Assert.Equal(((ushort)0x21, (byte)0xFB), ports.Writes[^2]);
        Assert.Equal(((ushort)0xA1, (byte)0xFD), ports.Writes[^1]);
        pic.Mask(9);
        Assert.Equal((ushort)0xFFFF & ~(1 << 2), pic.Masks);
    }

    [Fact]
    public void PicEndsSlaveInterruptsOnBothChips()
    {
        var ports = new FakePorts(_ => 0);
        var pic = new LegacyPic(ports, 0x20);
        ports.Writes.Clear();

        pic.EndOfInterrupt(12);
        pic.EndOfInterrupt(3);

        Assert.Equal([(0xA0, 0x20), (0x20, 0x20), (0x20, 0x20)], ports.Writes.ToArray());
    }

    [Theory]
    [InlineData(7, 0x80, false)]
    [InlineData(7, 0x00, true)]
    [InlineData(15, 0x80, false)]
    [InlineData(15, 0x00, true)]
    public void SpuriousIrqsHaveNoInServiceBit(int irq, byte inService, bool spurious)
    {
        var ports = new FakePorts(_ => inService);
        var pic = new LegacyPic(ports, 0x20);
        ports.Writes.Clear();

        Assert.Equal(spurious, pic.IsSpurious(irq));
        ushort command = irq == 7 ? (ushort)0x20 : (ushort)0xA0;
        Assert.Equal((command, (byte)0x0B), ports.Writes[0]);
        // Only a spurious IRQ 15 still owes the master its EOI.
        Assert.Equal(irq == 15 && spurious, ports.Writes.Contains(((ushort)0x20, (byte)0x20)));
        Assert.False(pic.IsSpurious(3));
    }
}
