namespace Uk.Plat.PcX86_64.Time;

// One snapshot of the MC146818 RTC's date registers, as the chip stores them.
public struct RtcRegisters
{
    private const byte StatusBBinary = 0x04;
    private const byte StatusB24Hour = 0x02;
    private const byte HourPm = 0x80;

    public byte Second;
    public byte Minute;
    public byte Hour;
    public byte Day;
    public byte Month;
    public byte Year;
    // 0 when the machine has no century register.
    public byte Century;
    public byte StatusB;

    public bool Equals(RtcRegisters other) =>
        Second == other.Second && Minute == other.Minute && Hour == other.Hour && Day == other.Day
        && Month == other.Month && Year == other.Year && Century == other.Century && StatusB == other.StatusB;

    // BCD or binary, 12- or 24-hour, as status register B says. Without a century register
    // the year is taken to be in 2000-2099.
    public CivilTime Decode()
    {
        bool binary = (StatusB & StatusBBinary) != 0;
        int hour = Value((byte)(Hour & ~HourPm), binary);
        if ((StatusB & StatusB24Hour) == 0)
            hour = hour % 12 + ((Hour & HourPm) != 0 ? 12 : 0);
        int century = Century == 0 ? 20 : Value(Century, binary);
        return new CivilTime(century * 100 + Value(Year, binary), Value(Month, binary), Value(Day, binary),
            hour, Value(Minute, binary), Value(Second, binary));
    }

    public static int FromBcd(byte value) => (value >> 4) * 10 + (value & 0x0F);

    private static int Value(byte raw, bool binary) => binary ? raw : FromBcd(raw);
}
