namespace Uk.Drivers.VgaConsole;

public static class VgaConsoleOptions
{
    public static int Color = 0x07;
}
