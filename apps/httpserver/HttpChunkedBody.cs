using System;

namespace HttpServer;

// Walks a chunked request body (RFC 9112 7.1) as its bytes arrive, to find where it ends; the
// server acts on no body, so the data is only counted. Strict where leniency would let a
// proxy and this server disagree on the end: a chunk size is 1-8 hex digits (more is a bad
// request, never wrapped; a size past the body limit is 413 once its digits are read), lines end in CRLF, extensions and trailers are bounded and free of control
// bytes. Pure code: no I/O.
public sealed class HttpChunkedBody
{
    private const int MaxSizeDigits = 8;
    private const int MaxExtensionBytes = 256;

    private enum Step
    {
        Size,
        Extension,
        SizeLineFeed,
        Data,
        DataCarriageReturn,
        DataLineFeed,
        TrailerLineStart,
        TrailerLine,
        TrailerLineFeed,
        EndLineFeed,
        Done,
        Failed,
    }

    private readonly long _maxBody;
    private readonly int _maxTrailerBytes;
    private Step _step;
    private long _chunkLeft;
    private int _digits;
    private int _extensionBytes;
    private int _trailerBytes;
    private HttpParseStatus _failure;

    public HttpChunkedBody(long maxBody, int maxTrailerBytes)
    {
        _maxBody = maxBody;
        _maxTrailerBytes = maxTrailerBytes;
    }

    // Data bytes of the body so far.
    public long BodyLength { get; private set; }

    // Takes bytes of the body from data; consumed says how many were body (the rest belong to
    // the next request). Incomplete until the last chunk and trailers are in, then Complete;
    // BadRequest for broken framing, PayloadTooLarge past maxBody.
    public HttpParseStatus Feed(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        while (consumed < data.Length && _step != Step.Done && _step != Step.Failed)
        {
            if (_step == Step.Data)
            {
                int take = (int)Math.Min(_chunkLeft, data.Length - consumed);
                consumed += take;
                _chunkLeft -= take;
                if (_chunkLeft == 0)
                    _step = Step.DataCarriageReturn;
                continue;
            }
            Next(data[consumed++]);
        }
        return _step == Step.Done ? HttpParseStatus.Complete : _step == Step.Failed ? _failure : HttpParseStatus.Incomplete;
    }

    private void Next(byte c)
    {
        switch (_step)
        {
            case Step.Size:
                int digit = HexValue(c);
                if (digit >= 0)
                {
                    if (++_digits > MaxSizeDigits)
                    {
                        Fail(HttpParseStatus.BadRequest);
                        return;
                    }
                    _chunkLeft = _chunkLeft * 16 + digit;
                    return;
                }
                if (_digits == 0)
                    Fail(HttpParseStatus.BadRequest);
                else if (BodyLength + _chunkLeft > _maxBody)
                    Fail(HttpParseStatus.PayloadTooLarge);
                else if (c == ';')
                    _step = Step.Extension;
                else if (c == '\r')
                    _step = Step.SizeLineFeed;
                else
                    Fail(HttpParseStatus.BadRequest);
                return;
            case Step.Extension:
                if (c == '\r')
                    _step = Step.SizeLineFeed;
                else if (++_extensionBytes > MaxExtensionBytes || IsControl(c))
                    Fail(HttpParseStatus.BadRequest);
                return;
            case Step.SizeLineFeed:
                if (c != '\n')
                {
                    Fail(HttpParseStatus.BadRequest);
                    return;
                }
                BodyLength += _chunkLeft;
                _digits = 0;
                _extensionBytes = 0;
                _step = _chunkLeft == 0 ? Step.TrailerLineStart : Step.Data;
                return;
            case Step.DataCarriageReturn:
                Expect(c, '\r', Step.DataLineFeed);
                return;
            case Step.DataLineFeed:
                Expect(c, '\n', Step.Size);
                return;
            case Step.TrailerLineStart:
                if (c == '\r')
                    _step = Step.EndLineFeed;
                else
                    Trailer(c);
                return;
            case Step.TrailerLine:
                if (c == '\r')
                    _step = Step.TrailerLineFeed;
                else
                    Trailer(c);
                return;
            case Step.TrailerLineFeed:
                Expect(c, '\n', Step.TrailerLineStart);
                return;
            case Step.EndLineFeed:
                Expect(c, '\n', Step.Done);
                return;
        }
    }

    private void Trailer(byte c)
    {
        if (++_trailerBytes > _maxTrailerBytes)
            Fail(HttpParseStatus.HeadersTooLarge);
        else if (IsControl(c))
            Fail(HttpParseStatus.BadRequest);
        else
            _step = Step.TrailerLine;
    }

    private void Expect(byte c, char expected, Step then)
    {
        if (c == expected)
            _step = then;
        else
            Fail(HttpParseStatus.BadRequest);
    }

    private void Fail(HttpParseStatus status)
    {
        _failure = status;
        _step = Step.Failed;
    }

    private static bool IsControl(byte c) => c < ' ' && c != '\t' || c == 0x7F;

    private static int HexValue(byte c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
