namespace Uk.Core;

// Every registered console receives every write, so one image can print on a serial line
// and a screen at once.
[System.Runtime.CompilerServices.EagerStaticClassConstruction]
public static class Consoles
{
    private static IConsole[] s_consoles = new IConsole[4];
    private static int s_count;

    public static int Count => s_count;

    public static void Register(IConsole console)
    {
        if (s_count == s_consoles.Length)
        {
            IConsole[] larger = new IConsole[s_count * 2];
            new System.ReadOnlySpan<IConsole>(s_consoles).CopyTo(larger);
            s_consoles = larger;
        }
        s_consoles[s_count++] = console;
    }

    // One write is never split by another thread's: it runs with interrupts off.
    public static void Write(System.ReadOnlySpan<char> text)
    {
        ulong flags = Plat.DisableInterrupts();
        for (int i = 0; i < s_count; i++)
            s_consoles[i].Write(text);
        Plat.RestoreInterrupts(flags);
    }
}
