namespace Uk.Drivers.FramebufferConsole;

public static class FramebufferConsoleOptions
{
    public static int Color = 0x07;
}
