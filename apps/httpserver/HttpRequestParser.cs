using System;

namespace HttpServer;

// Parses one HTTP/1.x request head from the start of a buffer: request line, headers up to
// the empty line, with every limit checked before anything is copied. Pure code: no I/O.
// Framing is checked as RFC 9112 asks of a server, so that no proxy in front of it can read
// a request's end differently (request smuggling): conflicting Content-Length values,
// Content-Length with Transfer-Encoding, Transfer-Encoding whose last coding is not chunked or
// in HTTP/1.0, obs-fold, control bytes in names and values, and more than one Host are 400;
// the connection closes after any error.
public static class HttpRequestParser
{
    public static HttpParseStatus TryParse(ReadOnlySpan<byte> data, HttpLimits limits, HttpRequest request, out int headLength)
    {
        headLength = 0;
        int end = FindHeadEnd(data, limits.MaxHeaderBytes);
        if (end < 0)
        {
            int lineEnd = data.IndexOf((byte)'\n');
            if (lineEnd < 0 && data.Length > limits.MaxRequestLine)
                return HttpParseStatus.UriTooLong;
            return data.Length >= limits.MaxHeaderBytes ? HttpParseStatus.HeadersTooLarge : HttpParseStatus.Incomplete;
        }
        headLength = end;
        ReadOnlySpan<byte> head = data.Slice(0, end);
        int firstLineEnd = head.IndexOf((byte)'\n');
        ReadOnlySpan<byte> requestLine = TrimCarriageReturn(head.Slice(0, firstLineEnd));
        if (requestLine.Length > limits.MaxRequestLine)
            return HttpParseStatus.UriTooLong;
        HttpParseStatus status = ParseRequestLine(requestLine, request);
        if (status != HttpParseStatus.Complete)
            return status;
        request.KeepAlive = request.MinorVersion >= 1;
        request.ContentLength = 0;
        request.Chunked = false;
        return ParseHeaders(head.Slice(firstLineEnd + 1), limits, request);
    }

    // Index just past the blank line ending the head ("\r\n\r\n", or bare "\n\n"), or -1.
    private static int FindHeadEnd(ReadOnlySpan<byte> data, int limit)
    {
        int scan = Math.Min(data.Length, limit);
        for (int i = 0; i < scan; i++)
        {
            if (data[i] != '\n')
                continue;
            if (i + 1 < data.Length && data[i + 1] == '\n')
                return i + 2;
            if (i + 2 < data.Length && data[i + 1] == '\r' && data[i + 2] == '\n')
                return i + 3;
        }
        return -1;
    }

    private static HttpParseStatus ParseRequestLine(ReadOnlySpan<byte> line, HttpRequest request)
    {
        int firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0)
            return HttpParseStatus.BadRequest;
        ReadOnlySpan<byte> method = line.Slice(0, firstSpace);
        ReadOnlySpan<byte> rest = line.Slice(firstSpace + 1);
        int secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
            return HttpParseStatus.BadRequest;
        ReadOnlySpan<byte> target = rest.Slice(0, secondSpace);
        ReadOnlySpan<byte> version = rest.Slice(secondSpace + 1);
        for (int i = 0; i < method.Length; i++)
        {
            if (method[i] < 'A' || method[i] > 'Z')
                return HttpParseStatus.BadRequest;
        }
        if (target[0] != '/')
            return HttpParseStatus.BadRequest;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] <= ' ' || target[i] >= 0x7F)
                return HttpParseStatus.BadRequest;
        }
        if (version.Length != 8 || !version.Slice(0, 7).SequenceEqual("HTTP/1."u8))
            return version.Length >= 5 && version.Slice(0, 5).SequenceEqual("HTTP/"u8) ? HttpParseStatus.VersionNotSupported : HttpParseStatus.BadRequest;
        if (version[7] != '0' && version[7] != '1')
            return HttpParseStatus.VersionNotSupported;
        request.MinorVersion = version[7] - '0';
        request.Method = Ascii(method);
        int question = target.IndexOf((byte)'?');
        request.Path = Ascii(question < 0 ? target : target.Slice(0, question));
        request.Query = question < 0 ? "" : Ascii(target.Slice(question + 1));
        return HttpParseStatus.Complete;
    }

    private static HttpParseStatus ParseHeaders(ReadOnlySpan<byte> headers, HttpLimits limits, HttpRequest request)
    {
        int count = 0;
        int hosts = 0;
        bool lengthSeen = false;
        bool transferEncodingSeen = false;
        bool chunkedLast = false;
        bool unknownCoding = false;
        while (headers.Length > 0)
        {
            int lineEnd = headers.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = TrimCarriageReturn(lineEnd < 0 ? headers : headers.Slice(0, lineEnd));
            headers = lineEnd < 0 ? default : headers.Slice(lineEnd + 1);
            if (line.Length == 0)
                break;
            if (++count > limits.MaxHeaders)
                return HttpParseStatus.HeadersTooLarge;
            int colon = line.IndexOf((byte)':');
            // A name is a token: no whitespace before the colon, no obs-fold (a line starting
            // with whitespace), no control bytes.
            if (colon <= 0 || !IsToken(line.Slice(0, colon)))
                return HttpParseStatus.BadRequest;
            ReadOnlySpan<byte> name = line.Slice(0, colon);
            ReadOnlySpan<byte> value = Trim(line.Slice(colon + 1));
            if (!IsFieldValue(value))
                return HttpParseStatus.BadRequest;
            if (EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!TryParseLengthList(value, out long length) || lengthSeen && length != request.ContentLength)
                    return HttpParseStatus.BadRequest;
                lengthSeen = true;
                request.ContentLength = length;
            }
            else if (EqualsIgnoreCase(name, "connection"u8))
            {
                if (ContainsIgnoreCase(value, "close"u8))
                    request.KeepAlive = false;
                else if (ContainsIgnoreCase(value, "keep-alive"u8))
                    request.KeepAlive = true;
            }
            else if (EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                transferEncodingSeen = true;
                if (!ReadCodings(value, ref chunkedLast, ref unknownCoding))
                    return HttpParseStatus.BadRequest;
            }
            else if (EqualsIgnoreCase(name, "host"u8))
            {
                hosts++;
            }
        }
        if (hosts > 1)
            return HttpParseStatus.BadRequest;
        if (transferEncodingSeen)
        {
            // RFC 9112 6.1 and 6.3: both framings at once, chunked not last, or codings in
            // HTTP/1.0 leave the body's end ambiguous.
            if (lengthSeen || !chunkedLast || request.MinorVersion == 0)
                return HttpParseStatus.BadRequest;
            if (unknownCoding)
                return HttpParseStatus.NotImplemented;
            request.Chunked = true;
            return HttpParseStatus.Complete;
        }
        return request.ContentLength > limits.MaxBody ? HttpParseStatus.PayloadTooLarge : HttpParseStatus.Complete;
    }

    // One Transfer-Encoding field's codings, in order after those of earlier fields. False when
    // a coding follows chunked (applying chunked twice, or after it, is an error).
    private static bool ReadCodings(ReadOnlySpan<byte> value, ref bool chunkedLast, ref bool unknownCoding)
    {
        while (true)
        {
            int comma = value.IndexOf((byte)',');
            ReadOnlySpan<byte> coding = Trim(comma < 0 ? value : value.Slice(0, comma));
            if (coding.Length > 0)
            {
                if (chunkedLast)
                    return false;
                if (EqualsIgnoreCase(coding, "chunked"u8))
                    chunkedLast = true;
                else
                    unknownCoding = true;
            }
            if (comma < 0)
                return true;
            value = value.Slice(comma + 1);
        }
    }

    // "5" or "5, 5": a list of equal lengths is one length (RFC 9110 8.6); different ones are not.
    private static bool TryParseLengthList(ReadOnlySpan<byte> value, out long length)
    {
        length = -1;
        while (true)
        {
            int comma = value.IndexOf((byte)',');
            if (!TryParseLength(Trim(comma < 0 ? value : value.Slice(0, comma)), out long element)
                || length >= 0 && element != length)
                return false;
            length = element;
            if (comma < 0)
                return true;
            value = value.Slice(comma + 1);
        }
    }

    // RFC 9110 5.6.2's tchar.
    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            bool alphanumeric = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!alphanumeric && "!#$%&'*+-.^_`|~"u8.IndexOf(c) < 0)
                return false;
        }
        return text.Length > 0;
    }

    // Visible bytes, spaces, tabs and obs-text: no NUL, no bare CR, no other control byte.
    private static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            byte c = value[i];
            if (c < ' ' && c != '\t' || c == 0x7F)
                return false;
        }
        return true;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.Length == 0 || value.Length > 18)
            return false;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
                return false;
            length = length * 10 + (value[i] - '0');
        }
        return true;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[line.Length - 1] == '\r' ? line.Slice(0, line.Length - 1) : line;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && (value[start] == ' ' || value[start] == '\t'))
            start++;
        while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t'))
            end--;
        return value.Slice(start, end - start);
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        if (text.Length != lowercase.Length)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            if (Lower(text[i]) != lowercase[i])
                return false;
        }
        return true;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        for (int i = 0; i + lowercase.Length <= text.Length; i++)
        {
            if (EqualsIgnoreCase(text.Slice(i, lowercase.Length), lowercase))
                return true;
        }
        return false;
    }

    private static byte Lower(byte c) => c >= 'A' && c <= 'Z' ? (byte)(c + 32) : c;

    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        char[] chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            chars[i] = (char)bytes[i];
        return new string(chars);
    }
}
