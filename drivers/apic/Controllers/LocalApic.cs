using Uk.Drivers.Apic.Time;

using Uk.Plat.PcX86_64;

namespace Uk.Drivers.Apic.Controllers;

// The boot CPU's local APIC in xAPIC (MMIO) mode: end of interrupt and a one-shot timer.
// The timer takes TSC deadlines either way: with TSC-deadline mode the CPU compares them
// itself, otherwise they become a count of the APIC timer, whose rate is measured here.
public sealed class LocalApic
{
    public const uint BaseMsr = 0x1B;
    public const uint TscDeadlineMsr = 0x6E0;
    private const ulong BaseMsrEnable = 1ul << 11;
    private const ulong BaseAddressMask = 0x000F_FFFF_FFFF_F000;

    private const uint RegisterId = 0x20, RegisterVersion = 0x30, RegisterTaskPriority = 0x80, RegisterEoi = 0xB0;
    private const uint RegisterSpurious = 0xF0, RegisterLvtTimer = 0x320, RegisterInitialCount = 0x380;
    private const uint RegisterCurrentCount = 0x390, RegisterDivide = 0x3E0;
    private const uint SpuriousSoftwareEnable = 1u << 8;
    private const uint LvtMasked = 1u << 16, LvtTscDeadline = 2u << 17;
    private const uint DivideBy16 = 0x3;
    private const ulong CalibrationDivisor = 100; // 10 ms of TSC

    private readonly IMmio _mmio;
    private readonly ICpu _cpu;
    private ulong _tscHz;
    private ulong _armedAt;
    private uint _armedCount;
    private int _rateSamples;

    // Turns the APIC on (base MSR global enable, then the spurious-vector register's software
    // enable) and accepts every priority. Interrupts stay off until the caller's sti.
    public LocalApic(IMmio mmio, ICpu cpu, byte spuriousVector)
    {
        _mmio = mmio;
        _cpu = cpu;
        ulong baseMsr = cpu.ReadMsr(BaseMsr);
        if ((baseMsr & BaseMsrEnable) == 0)
            cpu.WriteMsr(BaseMsr, baseMsr | BaseMsrEnable);
        Address = baseMsr & BaseAddressMask;
        Write(RegisterSpurious, SpuriousSoftwareEnable | spuriousVector);
        Write(RegisterTaskPriority, 0);
    }

    public ulong Address { get; }

    public uint Id => Read(RegisterId) >> 24;

    public uint Version => Read(RegisterVersion) & 0xFF;

    public bool UsesTscDeadline { get; private set; }

    // The one-shot count rate in count mode; 0 in TSC-deadline mode.
    public ulong TimerHz { get; private set; }

    public void EndOfInterrupt() => Write(RegisterEoi, 0);

    // Picks the timer mode and leaves the timer stopped with its vector set.
    public void InitializeTimer(byte vector, ulong tscHz, bool tscDeadline)
    {
        _tscHz = tscHz;
        UsesTscDeadline = tscDeadline;
        if (tscDeadline)
        {
            Write(RegisterLvtTimer, LvtTscDeadline | vector);
            _cpu.MemoryFence();
            _cpu.WriteMsr(TscDeadlineMsr, 0);
            TimerHz = 0;
            return;
        }
        Write(RegisterDivide, DivideBy16);
        TimerHz = MeasureTimerHz(vector);
        Write(RegisterLvtTimer, vector);
    }

    // Fires the timer vector once the TSC reaches tscDeadline (at once if it has). In count
    // mode a deadline more than 2^32 timer ticks away fires early: re-arm from the handler.
    public void ArmAt(ulong tscDeadline)
    {
        if (UsesTscDeadline)
        {
            _cpu.WriteMsr(TscDeadlineMsr, tscDeadline);
            return;
        }
        ulong now = _cpu.ReadTimestampCounter();
        ulong ticks = tscDeadline > now ? Ratio.Scale(tscDeadline - now, TimerHz, _tscHz) : 0;
        // Aim a little short of long waits while the rate is uncertain: an early interrupt
        // costs one re-arm, a late one makes the wait late.
        if (ticks >= TimerHz / 1000)
            ticks -= ticks / (_rateSamples < 8 ? 64UL : 1024UL);
        uint count = ticks == 0 ? 1 : ticks > uint.MaxValue ? uint.MaxValue : (uint)ticks;
        Write(RegisterInitialCount, count);
        _armedAt = now;
        _armedCount = count;
    }

    public void Stop()
    {
        _armedCount = 0;
        if (UsesTscDeadline)
            _cpu.WriteMsr(TscDeadlineMsr, 0);
        else
            Write(RegisterInitialCount, 0);
    }

    // Called from the timer interrupt. In count mode the count that just ran out took the
    // TSC time since it was loaded: counts of a millisecond or more refine the rate measured
    // at boot by an eighth of the difference, so a rate measured a little high (the timer
    // firing late) converges instead of making every sleep late. Interrupt latency can only
    // make the rate look lower, and a timer firing early is re-armed by the scheduler.
    public void OnExpired()
    {
        uint count = _armedCount;
        _armedCount = 0;
        if (UsesTscDeadline || count < TimerHz / 1000)
            return;
        ulong elapsed = _cpu.ReadTimestampCounter() - _armedAt;
        if (elapsed == 0)
            return;
        ulong measured = Ratio.Scale(count, _tscHz, elapsed);
        if (measured > TimerHz - TimerHz / 4 && measured < TimerHz + TimerHz / 4)
        {
            TimerHz = TimerHz - TimerHz / 8 + measured / 8;
            _rateSamples++;
        }
    }

    // Counts down from the top, masked, for 10 ms of the calibrated TSC. Register accesses
    // are slow under emulation, so each end is timed at the middle of its access.
    private ulong MeasureTimerHz(byte vector)
    {
        Write(RegisterLvtTimer, LvtMasked | vector);
        ulong beforeLoad = _cpu.ReadTimestampCounter();
        Write(RegisterInitialCount, uint.MaxValue);
        ulong start = beforeLoad + (_cpu.ReadTimestampCounter() - beforeLoad) / 2;
        ulong target = _tscHz / CalibrationDivisor;
        while (_cpu.ReadTimestampCounter() - start < target)
        {
        }
        ulong beforeRead = _cpu.ReadTimestampCounter();
        uint counted = uint.MaxValue - Read(RegisterCurrentCount);
        ulong end = beforeRead + (_cpu.ReadTimestampCounter() - beforeRead) / 2;
        Write(RegisterInitialCount, 0);
        return Ratio.Scale(counted, _tscHz, end - start);
    }

    private uint Read(uint register) => _mmio.Read32(Address + register);

    private void Write(uint register, uint value) => _mmio.Write32(Address + register, value);
}
