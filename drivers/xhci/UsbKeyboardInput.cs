using System;
using Uk.Core;

namespace Uk.Drivers.Xhci;

// The keyboards of one controller as a console input, beside a serial line: the event ring
// is polled while a reader waits, each transfer event's report decoded and the next report
// queued. A key whose bytes are not all taken keeps the rest here for the next call. Reports
// wait in the keyboard and the controller until a reader asks, so holding off needs nothing.
public sealed class UsbKeyboardInput : IConsoleInput
{
    private readonly XhciController _controller;
    private readonly UsbKeyboard[] _keyboards;
    private readonly byte[] _pending = new byte[HidReportDecoder.MaxBytesPerReport];
    private int _pendingStart;
    private int _pendingCount;
    private bool _failureLogged;

    public UsbKeyboardInput(XhciController controller, UsbKeyboard[] keyboards)
    {
        _controller = controller;
        _keyboards = keyboards;
    }

    public void Start()
    {
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

    public void HoldOff()
    {
    }

    public void Resume()
    {
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
                // A halted endpoint would need a Reset Endpoint; the keyboard stops instead.
                if (!_failureLogged)
                    Log.Warn("xhci: the keyboard on port " + keyboard.Port.ToString() + " stopped: transfer completion code " + transferEvent.CompletionCode.ToString());
                _failureLogged = true;
                return;
            }
            _pendingStart = 0;
            _pendingCount = keyboard.TakeReport(transferEvent, new Span<byte>(_pending));
            return;
        }
    }
}
