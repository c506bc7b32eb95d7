namespace Uk.Plat.PcX86_64.Time;

// The CMOS real-time clock, read without interrupts: the chip updates its registers once a
// second, so a reading counts only when taken outside an update and repeated unchanged.
public sealed class CmosRtc
{
    private const ushort IndexPort = 0x70, DataPort = 0x71;
    private const byte RegisterSecond = 0x00, RegisterMinute = 0x02, RegisterHour = 0x04, RegisterDay = 0x07;
    private const byte RegisterMonth = 0x08, RegisterYear = 0x09, RegisterStatusA = 0x0A, RegisterStatusB = 0x0B;
    private const byte UpdateInProgress = 0x80;
    private const int MaxAttempts = 8;
    // An update lasts under 2 ms; this many polls outlasts it even emulated.
    private const int MaxUpdatePolls = 1_000_000;

    private readonly IPortIo _ports;
    private readonly byte _centuryRegister;

    // centuryRegister: the CMOS index the FADT names, 0 for none.
    public CmosRtc(IPortIo ports, byte centuryRegister)
    {
        _ports = ports;
        _centuryRegister = centuryRegister;
    }

    // False when the chip never settles or holds no valid date.
    public bool TryRead(out CivilTime time)
    {
        RtcRegisters previous = Snapshot();
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            RtcRegisters current = Snapshot();
            if (current.Equals(previous))
            {
                time = current.Decode();
                return time.IsValid;
            }
            previous = current;
        }
        time = default;
        return false;
    }

    private RtcRegisters Snapshot()
    {
        for (int poll = 0; poll < MaxUpdatePolls && (Read(RegisterStatusA) & UpdateInProgress) != 0; poll++)
        {
        }
        RtcRegisters registers;
        registers.Second = Read(RegisterSecond);
        registers.Minute = Read(RegisterMinute);
        registers.Hour = Read(RegisterHour);
        registers.Day = Read(RegisterDay);
        registers.Month = Read(RegisterMonth);
        registers.Year = Read(RegisterYear);
        registers.Century = _centuryRegister == 0 ? (byte)0 : Read(_centuryRegister);
        registers.StatusB = Read(RegisterStatusB);
        return registers;
    }

    private byte Read(byte register)
    {
        _ports.Write8(IndexPort, register);
        return _ports.Read8(DataPort);
    }
}
