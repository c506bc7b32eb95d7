using Uk.Core;

namespace Uk.Drivers.I8042;

// The keyboard as a console input, beside a serial line: on IRQ 1 when the image has an
// interrupt controller (each key's bytes queued in ConsoleInput as it is pressed), else read
// when a reader polls. Holding off leaves scan codes in the controller and the keyboard's
// own buffer until the reader makes room.
public sealed class KeyboardInput : IConsoleInput
{
    private const int KeyboardIrq = 1;

    private readonly I8042Controller _controller;
    private readonly KeyStream _keys;
    private readonly bool _wantsInterrupts;
    private bool _heldOff;

    // interrupts: take keys on IRQ 1 from the first read on (the image has an interrupt
    // controller); else the reader polls.
    public KeyboardInput(I8042Controller controller, bool interrupts)
    {
        _controller = controller;
        _keys = new KeyStream(controller, new ScanCodeDecoder());
        _wantsInterrupts = interrupts;
    }

    public bool UsesInterrupts { get; private set; }

    public void Start()
    {
        if (!_wantsInterrupts || Interrupts.Controller is null)
            return;
        Interrupts.Register(KeyboardIrq, Drain);
        if (!_controller.SetKeyboardInterrupt(true))
        {
            Log.Warn("i8042: the controller did not take its configuration byte; the keyboard stays polled");
            return;
        }
        UsesInterrupts = true;
        // Keys pressed before now wait in the controller and raise no new edge.
        Drain();
    }

    public int Poll() => _keys.Next();

    public void HoldOff() => _heldOff = true;

    public void Resume()
    {
        _heldOff = false;
        if (UsesInterrupts)
            Drain();
    }

    private void Drain()
    {
        while (!_heldOff && ConsoleInput.CanAccept)
        {
            int value = _keys.Next();
            if (value < 0)
                return;
            ConsoleInput.Enqueue((byte)value);
        }
    }
}
