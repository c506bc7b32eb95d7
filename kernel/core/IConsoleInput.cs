namespace Uk.Core;

// A device that receives characters (a serial line, a keyboard). Console.ReadLine reads from
// all of them through ConsoleInput.
public interface IConsoleInput
{
    // Called on the first read, when init is over: a driver switches to interrupts here if
    // the image has an interrupt controller by then.
    void Start();

    // The next received byte, or -1 when none is waiting. Safe to call with interrupts on.
    int Poll();

    // ConsoleInput's queue is nearly full: stop taking bytes from the line and ask the sender
    // to pause (RTS off on a UART; a keyboard leaves its scan codes in its controller); what
    // arrives meanwhile waits in the device. Called with interrupts off.
    void HoldOff();

    // The reader made room again: let the sender go on and queue (ConsoleInput.Enqueue) what
    // waited in the device. Called with interrupts off.
    void Resume();
}
