using Uk.Plat.PcX86_64.Time;

namespace Uk.Plat.PcX86_64.Apic;

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
        Write(RegisterInitialCount, ticks == 0 ? 1 : ticks > uint.MaxValue ? uint.MaxValue : (uint)ticks);
    }

    public void Stop()
    {
        if (UsesTscDeadline)
            _cpu.WriteMsr(TscDeadlineMsr, 0);
        else
            Write(RegisterInitialCount, 0);
    }

    // Counts down from the top, masked, for 10 ms of the calibrated TSC.
    private ulong MeasureTimerHz(byte vector)
    {
        Write(RegisterLvtTimer, LvtMasked | vector);
        Write(RegisterInitialCount, uint.MaxValue);
        ulong start = _cpu.ReadTimestampCounter();
        ulong target = _tscHz / CalibrationDivisor;
        ulong elapsed;
        do
        {
            elapsed = _cpu.ReadTimestampCounter() - start;
        }
        while (elapsed < target);
        uint counted = uint.MaxValue - Read(RegisterCurrentCount);
        Write(RegisterInitialCount, 0);
        return Ratio.Scale(counted, _tscHz, elapsed);
    }

    private uint Read(uint register) => _mmio.Read32(Address + register);

    private void Write(uint register, uint value) => _mmio.Write32(Address + register, value);
}
