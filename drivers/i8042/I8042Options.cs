namespace Uk.Drivers.I8042;

public static class I8042Options
{
    public static bool Interrupts = true;
}
