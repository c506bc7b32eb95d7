using System;
using Uk.Core;

namespace Uk.Drivers.Xhci;

// The keyboards of one controller as a console input, beside a serial line: on the
// controller's interrupt from the first read on when XhciLibrary attached one (each report's
// bytes queued in ConsoleInput as it arrives), else the event ring polled while a reader
// waits. Each transfer event's report is decoded and the next report queued; a key whose
// bytes are not all taken keeps the rest here for the next call. Holding off leaves events
// in the ring, and with one report queued per keyboard the rest wait in the keyboard.
public sealed class UsbKeyboardInput : IConsoleInput
{
    private readonly XhciController _controller;
    private readonly UsbKeyboard[] _keyboards;
    private readonly byte[] _pending = new byte[HidReportDecoder.MaxBytesPerReport];
    private int _pendingStart;
    private int _pendingCount;
    private bool _heldOff;

    public UsbKeyboardInput(XhciController controller, UsbKeyboard[] keyboards)
    {
        _controller = controller;
        _keyboards = keyboards;
    }

    // Set by XhciLibrary when it attached OnInterrupt to the controller's vector.
    public bool WantsInterrupts { get; set; }

    public bool UsesInterrupts { get; private set; }

    public void Start()
    {
        if (!WantsInterrupts)
            return;
        UsesInterrupts = true;
        _controller.EnableInterrupts();
        // Reports that arrived before now raised no interrupt.
        Drain();
    }

    public int Poll()
    {
        while (_pendingCount == 0)
        {
            if (!_controller.TryTakeEvent(out Trb trb))
                return -1;
            if (trb.Type == Trb.TransferEvent)
                Take(trb);
        }
        _pendingCount--;
        return _pending[_pendingStart++];
    }

    public void HoldOff() => _heldOff = true;

    public void Resume()
    {
        _heldOff = false;
        if (UsesInterrupts)
            Drain();
    }

    public void OnInterrupt()
    {
        _controller.AcknowledgeInterrupt();
        if (UsesInterrupts)
            Drain();
    }

    private void Drain()
    {
        while (!_heldOff && ConsoleInput.CanAccept)
        {
            int value = Poll();
            if (value < 0)
                return;
            ConsoleInput.Enqueue((byte)value);
        }
    }

    private void Take(in Trb transferEvent)
    {
        for (int i = 0; i < _keyboards.Length; i++)
        {
            UsbKeyboard keyboard = _keyboards[i];
            if (!keyboard.Owns(transferEvent))
                continue;
            if (!transferEvent.Completed)
            {
                if (!keyboard.Recover(transferEvent, out string refusal))
                    Log.Warn("xhci: the keyboard on port " + keyboard.Port.ToString() + " stopped: " + refusal);
                return;
            }
            _pendingStart = 0;
            _pendingCount = keyboard.TakeReport(transferEvent, new Span<byte>(_pending));
            return;
        }
    }
}
