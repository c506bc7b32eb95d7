namespace Uk.Core;

// A device that receives characters (a serial line). Console.ReadLine reads from it.
public interface IConsoleInput
{
    // Called on the first read, when init is over: a driver switches to interrupts here if
    // the image has an interrupt controller by then.
    void Start();

    // The next received byte, or -1 when none is waiting. Safe to call with interrupts on.
    int Poll();
}
