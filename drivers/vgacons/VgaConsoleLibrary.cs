using Uk.Core;

namespace Uk.Drivers.VgaConsole;

public static class VgaConsoleLibrary
{
    public static unsafe void Initialize()
    {
        var console = new VgaTextConsole(new VgaTextBuffer((ushort*)VgaTextBuffer.PhysicalAddress), (byte)VgaConsoleOptions.Color);
        console.Clear();
        Consoles.Register(console);
    }
}
