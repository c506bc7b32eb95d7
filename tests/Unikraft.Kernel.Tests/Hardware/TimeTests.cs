using System.Globalization;
using System.Numerics;
using Uk.Plat.PcX86_64;
using Uk.Drivers.Apic.Time;

namespace Unikraft.Kernel.Tests.Hardware;

public sealed class TimeTests
{
    private const ulong Second = 1_000_000_000;

    [Theory]
    [InlineData(2_900_000_000UL, 10UL * 365 * 24 * 3600)]   // ten years of uptime at 2.9 GHz
    [InlineData(3_999_999_937UL, 100UL * 365 * 24 * 3600)]  // an awkward prime rate, a century
    [InlineData(1_000_000UL, 1UL)]
    public void TscToNanosecondsIsExactForYearsOfUptime(ulong hz, ulong seconds)
    {
        var clock = new TscClock(new FakeCpu(), hz, 0);
        ulong ticks = hz * seconds + hz / 3;

        ulong expected = (ulong)(new BigInteger(ticks) * Second / hz);
        Assert.Equal(expected, clock.ToNanoseconds(ticks));
        Assert.Equal((ulong)(new BigInteger(expected) * hz / Second), clock.ToTicks(expected));
    }

    [Fact]
    public void RatioMatchesWideArithmeticOnRandomInputs()
    {
        var random = new Random(1234);
        for (int i = 0; i < 10_000; i++)
        {
            ulong denominator = (ulong)random.NextInt64(1, 20_000_000_000);
            ulong numerator = (ulong)random.NextInt64(1, (long)Math.Min(long.MaxValue, ulong.MaxValue / denominator));
            ulong value = (ulong)random.NextInt64() * 2 + (ulong)random.Next(2);
            BigInteger wide = new BigInteger(value) * numerator / denominator;
            if (wide > ulong.MaxValue)
                continue;
            Assert.Equal((ulong)wide, Ratio.Scale(value, numerator, denominator));
        }
    }

    [Fact]
    public void ClockCountsFromItsOriginAndGivesDeadlines()
    {
        var cpu = new FakeCpu(tscStep: 0) { Tsc = 5_000_000_000 };
        var clock = new TscClock(cpu, 2_000_000_000, 1_000_000_000);

        Assert.Equal(2 * Second, clock.NowNanoseconds);
        Assert.Equal(5_000_000_000UL + 2_000_000, clock.DeadlineAfter(1_000_000));
    }

    [Theory]
    [InlineData(2_904_123_456UL, "2.90 GHz")]
    [InlineData(1_000_000_000UL, "1.00 GHz")]
    [InlineData(62_500_000UL, "62.50 MHz")]
    public void FrequenciesPrintWithTwoDecimals(ulong hz, string text) => Assert.Equal(text, TscClock.FormatHz(hz));

    [Theory]
    [InlineData(1970, 1, 1, 0, 0, 0)]
    [InlineData(2000, 2, 29, 12, 0, 0)]
    [InlineData(2026, 11, 28, 1, 23, 45)]
    [InlineData(2100, 3, 1, 23, 59, 59)]
    [InlineData(1969, 12, 31, 23, 59, 59)]
    [InlineData(2400, 12, 31, 0, 0, 1)]
    public void CivilTimeMatchesTheBclAndRoundTrips(int year, int month, int day, int hour, int minute, int second)
    {
        var time = new CivilTime(year, month, day, hour, minute, second);
        long expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds();

        Assert.Equal(expected, time.ToUnixSeconds());
        CivilTime back = CivilTime.FromUnixSeconds(expected);
        Assert.Equal((year, month, day, hour, minute, second), (back.Year, back.Month, back.Day, back.Hour, back.Minute, back.Second));
    }

    [Fact]
    public void EveryDayForFourCenturiesConvertsLikeTheBcl()
    {
        for (DateTimeOffset day = new(1900, 1, 1, 6, 7, 8, TimeSpan.Zero); day.Year < 2300; day = day.AddDays(1))
        {
            var time = new CivilTime(day.Year, day.Month, day.Day, day.Hour, day.Minute, day.Second);
            Assert.Equal(day.ToUnixTimeSeconds(), time.ToUnixSeconds());
            Assert.Equal(day.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CivilTime.FromUnixSeconds(day.ToUnixTimeSeconds()).ToIso8601());
        }
    }

    [Theory]
    [InlineData(2023, 2, 29, false)]
    [InlineData(2024, 2, 29, true)]
    [InlineData(2026, 4, 31, false)]
    [InlineData(2026, 13, 1, false)]
    [InlineData(2026, 12, 31, true)]
    public void InvalidDatesAreNoticed(int year, int month, int day, bool valid) =>
        Assert.Equal(valid, new CivilTime(year, month, day, 0, 0, 0).IsValid);

    [Fact]
    public void BcdTwentyFourHourRegistersDecode()
    {
        var registers = new RtcRegisters { Second = 0x45, Minute = 0x23, Hour = 0x21, Day = 0x28, Month = 0x11, Year = 0x26, Century = 0x20, StatusB = 0x02 };

        Assert.Equal("2026-11-28T21:23:45Z", registers.Decode().ToIso8601());
    }

    [Theory]
    [InlineData(0x12, 0)]          // 12 AM is midnight
    [InlineData(0x01, 1)]
    [InlineData(0x92, 12)]         // 12 PM is noon
    [InlineData(0x81, 13)]
    [InlineData(0x91, 23)]
    public void TwelveHourBcdHoursDecode(byte hour, int expected)
    {
        var registers = new RtcRegisters { Hour = hour, Day = 1, Month = 1, Year = 0x26, StatusB = 0x00 };

        Assert.Equal(expected, registers.Decode().Hour);
    }

    [Fact]
    public void BinaryTwelveHourRegistersDecodeAndMissingCenturyMeansTwoThousands()
    {
        var registers = new RtcRegisters { Second = 59, Minute = 7, Hour = 0x80 | 11, Day = 31, Month = 12, Year = 99, Century = 0, StatusB = 0x04 };

        Assert.Equal("2099-12-31T23:07:59Z", registers.Decode().ToIso8601());
    }

    [Theory]
    [InlineData(0x00, 0)]
    [InlineData(0x09, 9)]
    [InlineData(0x59, 59)]
    [InlineData(0x99, 99)]
    public void BcdDecodes(byte bcd, int value) => Assert.Equal(value, RtcRegisters.FromBcd(bcd));

    [Fact]
    public void RtcWaitsOutUpdatesAndRereadsAcrossASecondRollover()
    {
        // Each snapshot reads status A, seconds, minutes, hours, day, month, year, century, status B.
        // The first snapshot sees 59 s, then the chip updates (busy twice) and shows 00 s of the next minute.
        var cmos = new FakeCmos();
        cmos.Set(second: 0x59, minute: 0x59, hour: 0x23, day: 0x31, month: 0x12, year: 0x25, century: 0x20);
        var rtc = new CmosRtc(cmos.Ports, centuryRegister: 0x32);
        cmos.AfterSnapshot = snapshot =>
        {
            if (snapshot == 1)
            {
                cmos.BusyReads = 2;
                cmos.Set(second: 0x00, minute: 0x00, hour: 0x00, day: 0x01, month: 0x01, year: 0x26, century: 0x20);
            }
        };

        Assert.True(rtc.TryRead(out CivilTime time));
        Assert.Equal("2026-01-01T00:00:00Z", time.ToIso8601());
        Assert.Equal(0, cmos.BusyReads);
    }

    [Fact]
    public void RtcWithGarbageRegistersIsUnreadable()
    {
        var cmos = new FakeCmos();
        cmos.Set(second: 0x00, minute: 0x00, hour: 0x00, day: 0x00, month: 0x00, year: 0x00, century: 0x20);

        Assert.False(new CmosRtc(cmos.Ports, 0x32).TryRead(out _));
    }

    [Fact]
    public void PitCalibrationScalesTscTicksByThePitCount()
    {
        // The output bit rises on the 51st poll; the two TSC reads around the wait are
        // 15,000,000 ticks apart.
        var cpu = new FakeCpu(tscStep: 30_000_000 / 2);
        int polls = 0;
        byte control = 0x10;
        var ports = new FakePorts(port => port == 0x61 ? (byte)(control | (++polls > 50 ? 0x20 : 0)) : (byte)0);

        ulong hz = PitCalibration.TscHz(ports, cpu, 10);

        // 11,931 PIT ticks are 9.9993 ms: 15,000,000 TSC ticks over that time is 1.5001 GHz.
        Assert.Equal((ulong)(15_000_000UL * PitCalibration.PitHz / 11_931), hz);
        Assert.Contains(((ushort)0x43, (byte)0xB0), ports.Writes);
        Assert.Equal(((ushort)0x61, control), ports.Writes[^1]);     // the speaker gate restored
    }

    [Fact]
    public void PitCalibrationWithoutAPitGivesZero()
    {
        var ports = new FakePorts(_ => 0);

        Assert.Equal(0UL, PitCalibration.TscHz(ports, new FakeCpu(), 10));
    }

    [Fact]
    public void PmTimerCalibrationScalesTscTicksByTheCountersTicks()
    {
        // The counter moves 1,000 ticks a read and the TSC 1,000,000: 36 reads pass the
        // 35,795 ticks of 10 ms, so 36,000 counter ticks against 36,000,000 TSC ticks.
        var cpu = new FakeCpu(tscStep: 1_000_000);
        var counter = new SteppingCounter(start: 5_000, step: 1_000);

        ulong hz = PmTimerCalibration.TscHz(counter, 24, cpu, 10);

        Assert.Equal(36_000_000UL * PmTimerCalibration.PmTimerHz / 36_000, hz);
    }

    [Fact]
    public void PmTimerCalibrationCountsAcrossTheWrapOfA24BitCounter()
    {
        var cpu = new FakeCpu(tscStep: 1_000_000);
        // The low 24 bits only: what a 24-bit counter's port shows above them is ignored.
        var counter = new SteppingCounter(start: 0xFF_FFFF - 10_000, step: 1_000, garbageAbove: 0xAB00_0000);

        ulong hz = PmTimerCalibration.TscHz(counter, 24, cpu, 10);

        Assert.Equal(36_000_000UL * PmTimerCalibration.PmTimerHz / 36_000, hz);
    }

    [Fact]
    public void APmTimerThatDoesNotCountGivesZero() =>
        Assert.Equal(0UL, PmTimerCalibration.TscHz(new SteppingCounter(start: 0xFFFF_FFFF, step: 0), 32, new FakeCpu(), 10));

    // A counter that moves by step at each read, with garbageAbove set in the bits a narrow
    // counter's port does not define.
    private sealed class SteppingCounter(uint start, uint step, uint garbageAbove = 0) : IReferenceCounter
    {
        private uint _reads;

        public uint Read() => ((start + step * _reads++) & 0xFF_FFFF) | garbageAbove | (step == 0 ? start : 0);
    }

    // The MC146818's index/data ports over a register array, with an update-in-progress flag.
    private sealed class FakeCmos
    {
        private readonly byte[] _registers = new byte[128];
        private byte _index;
        private int _snapshots;

        public FakeCmos()
        {
            _registers[0x0B] = 0x02;
            Ports = new CmosPorts(this);
        }

        public IPortIo Ports { get; }

        public int BusyReads { get; set; }

        public Action<int>? AfterSnapshot { get; set; }

        public void Set(byte second, byte minute, byte hour, byte day, byte month, byte year, byte century)
        {
            (_registers[0], _registers[2], _registers[4], _registers[7], _registers[8], _registers[9], _registers[0x32]) =
                (second, minute, hour, day, month, year, century);
        }

        private byte Read()
        {
            if (_index == 0x0A)
            {
                if (BusyReads > 0)
                {
                    BusyReads--;
                    return 0x80;
                }
                return 0;
            }
            byte value = _registers[_index];
            if (_index == 0x0B)
                AfterSnapshot?.Invoke(++_snapshots);
            return value;
        }

        private sealed class CmosPorts(FakeCmos cmos) : IPortIo
        {
            public byte Read8(ushort port) => port == 0x71 ? cmos.Read() : throw new InvalidOperationException("port " + port);

            public void Write8(ushort port, byte value)
            {
                if (port != 0x70)
                    throw new InvalidOperationException("port " + port);
                cmos._index = value;
            }
        }
    }
}
