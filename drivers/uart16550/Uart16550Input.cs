using Uk.Core;

namespace Uk.Drivers.Uart16550;

// Receive side of the UART: polled, or on its IRQ (4 for COM1, 3 for COM2) when the image
// has an interrupt controller, so a line typed while the application is busy (a disk flush)
// waits in ConsoleInput's queue instead of overrunning the UART's 16-byte FIFO. When that
// queue is nearly full the UART holds off: RTS goes low (a sender with hardware flow control
// pauses) and the receive interrupt is masked, so bytes wait in the FIFO and the sender
// stalls (QEMU's 16550 feeds its FIFO only as it empties, whatever its chardev does with
// RTS) instead of being dropped. Polled, the reader takes bytes as it wants them.
public sealed class Uart16550Input : IConsoleInput
{
    private const int Data = 0;
    private const int InterruptEnable = 1;
    private const int ModemControl = 4;
    private const int LineStatus = 5;
    private const byte DataReady = 0x01;
    private const byte ReceivedDataInterrupt = 0x01;
    // DTR, RTS and OUT2; OUT2 connects the UART's interrupt to the IRQ line.
    private const byte ModemControlWithInterrupts = 0x0B;
    private const byte RequestToSend = 0x02;

    private readonly ushort _port;

    public Uart16550Input(ushort port) => _port = port;

    public bool UsesInterrupts { get; private set; }

    public void Start()
    {
        if (Interrupts.Controller is null)
            return;
        int irq = _port == 0x2F8 ? 3 : 4;
        Interrupts.Register(irq, Drain);
        PortIo.Write8((ushort)(_port + ModemControl), ModemControlWithInterrupts);
        PortIo.Write8((ushort)(_port + InterruptEnable), ReceivedDataInterrupt);
        UsesInterrupts = true;
    }

    public int Poll()
    {
        if ((PortIo.Read8((ushort)(_port + LineStatus)) & DataReady) == 0)
            return -1;
        return PortIo.Read8((ushort)(_port + Data));
    }

    public void HoldOff()
    {
        if (!UsesInterrupts)
            return;
        PortIo.Write8((ushort)(_port + InterruptEnable), 0);
        PortIo.Write8((ushort)(_port + ModemControl), ModemControlWithInterrupts & ~RequestToSend);
    }

    public void Resume()
    {
        if (!UsesInterrupts)
            return;
        PortIo.Write8((ushort)(_port + ModemControl), ModemControlWithInterrupts);
        PortIo.Write8((ushort)(_port + InterruptEnable), ReceivedDataInterrupt);
        // Below the FIFO's trigger level the UART may not interrupt again for what waited.
        Drain();
    }

    private void Drain()
    {
        while (ConsoleInput.CanAccept && (PortIo.Read8((ushort)(_port + LineStatus)) & DataReady) != 0)
            ConsoleInput.Enqueue(PortIo.Read8((ushort)(_port + Data)));
    }
}
