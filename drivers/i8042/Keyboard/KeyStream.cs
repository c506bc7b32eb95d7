using System;

namespace Uk.Drivers.I8042;

// The keyboard as a byte stream: scan codes read from the controller, decoded, handed out a
// byte at a time. A key whose sequence is not all taken (the console queue filled up) keeps
// the rest here for the next call.
public sealed class KeyStream
{
    private readonly I8042Controller _controller;
    private readonly ScanCodeDecoder _decoder;
    private readonly byte[] _pending = new byte[ScanCodeDecoder.MaxBytesPerKey];
    private int _pendingStart;
    private int _pendingCount;

    public KeyStream(I8042Controller controller, ScanCodeDecoder decoder)
    {
        _controller = controller;
        _decoder = decoder;
    }

    // The next typed byte, or -1 when the controller has no more key events.
    public int Next()
    {
        while (_pendingCount == 0)
        {
            if (!_controller.TryReadKeyboard(out byte code))
                return -1;
            _pendingStart = 0;
            _pendingCount = _decoder.Decode(code, new Span<byte>(_pending));
        }
        _pendingCount--;
        return _pending[_pendingStart++];
    }
}
