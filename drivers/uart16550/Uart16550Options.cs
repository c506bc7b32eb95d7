namespace Uk.Drivers.Uart16550;

public static class Uart16550Options
{
    public static int Port = 0x3F8;
    public static int Baud = 115200;
}
