using Uk.Core;

namespace Uk.Drivers.Uart16550;

public static class Uart16550Library
{
    public static void Initialize()
    {
        var uart = new Uart16550Console((ushort)Uart16550Options.Port, Uart16550Options.Baud);
        uart.Initialize();
        Consoles.Register(uart);
        ConsoleInput.Register(new Uart16550Input((ushort)Uart16550Options.Port));
    }
}
