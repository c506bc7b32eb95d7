using System;
using Uk.Core;

namespace Uk.Drivers.FramebufferConsole;

// The kernel's console on the text screen: every write is drawn before it returns, so a
// panic's last lines are on the screen when the machine stops.
internal sealed class FramebufferConsoleDevice : IConsole
{
    private readonly TextScreen _screen;

    public FramebufferConsoleDevice(TextScreen screen) => _screen = screen;

    public string Name => "fbcons";

    public void Write(ReadOnlySpan<char> text) => _screen.Write(text);
}
