namespace Uk.Drivers.Acpi;

// The SLP_TYPa and SLP_TYPb values of a sleep state, for PM1a_CNT and PM1b_CNT.
public readonly struct SleepType
{
    public SleepType(byte a, byte b)
    {
        A = a;
        B = b;
    }

    public byte A { get; }

    public byte B { get; }
}
