using System;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// recv, recvmsg, send and sendmsg. A blocking socket waits for data or room, up to its
// SO_RCVTIMEO/SO_SNDTIMEO, and then fails with EAGAIN (which .NET reports as TimedOut); a
// blocking stream send returns once every byte is queued, as Linux's does.
internal static unsafe class SocketTransfers
{
    // System.Net.Sockets.SocketFlags values the PAL passes.
    private const int FlagOutOfBand = 0x0001;
    private const int FlagPeek = 0x0002;
    private const int FlagDontRoute = 0x0004;
    private const int FlagTruncated = 0x0100;
    private const int FlagDontWait = 0x1000;
    private const int Supported = FlagPeek | FlagDontRoute | FlagDontWait;

    // System.Native's IOVector and MessageHeader.
    [StructLayout(LayoutKind.Sequential)]
    private struct IOVector
    {
        public byte* Base;
        public nuint Count;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public byte* SocketAddress;
        public IOVector* IOVectors;
        public byte* ControlBuffer;
        public int SocketAddressLen;
        public int IOVectorCount;
        public int ControlBufferLen;
        public int Flags;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Receive")]
    private static int Receive(nint socket, byte* buffer, int length, int flags, int* received)
    {
        *received = 0;
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (length < 0)
            return Errors.EINVAL;
        int error = ReceiveInto(s, new Span<byte>(buffer, length), flags, out int count, out _, out _, out _);
        if (error == 0)
            *received = count;
        return error;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReceiveMessage")]
    private static int ReceiveMessage(nint socket, MessageHeader* header, int flags, long* received)
    {
        *received = 0;
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (!TryTotal(header, out int total))
            return Errors.EINVAL;
        bool single = header->IOVectorCount == 1;
        byte[]? gathered = single ? null : new byte[total];
        Span<byte> target = single ? new Span<byte>(header->IOVectors[0].Base, (int)header->IOVectors[0].Count) : gathered;
        int error = ReceiveInto(s, target, flags, out int count, out uint ip, out int port, out bool truncated);
        if (error != 0)
            return error;
        if (gathered is not null)
            Scatter(gathered.AsSpan(0, count), header);
        int addressLength = header->SocketAddressLen;
        if (s.Node.IsStream || header->SocketAddress is null || !SocketAddresses.WriteIPv4(header->SocketAddress, &addressLength, ip, port))
            addressLength = 0;
        header->SocketAddressLen = addressLength;
        header->ControlBufferLen = 0;
        header->Flags = truncated ? FlagTruncated : 0;
        *received = count;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Send")]
    private static int Send(nint socket, byte* buffer, int length, int flags, int* sent)
    {
        *sent = 0;
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (length < 0)
            return Errors.EINVAL;
        int error = SendFrom(s, new ReadOnlySpan<byte>(buffer, length), flags, false, 0, 0, out int count);
        *sent = count;
        return error;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SendMessage")]
    private static int SendMessage(nint socket, MessageHeader* header, int flags, long* sent)
    {
        *sent = 0;
        SocketDescription? s = FileDescriptors.FindSocket(socket);
        if (s is null)
            return Sockets.NotASocket(socket);
        if (!TryTotal(header, out int total))
            return Errors.EINVAL;
        ReadOnlySpan<byte> data = header->IOVectorCount == 1
            ? new ReadOnlySpan<byte>(header->IOVectors[0].Base, (int)header->IOVectors[0].Count)
            : Gather(header, total);
        bool toDestination = !s.Node.IsStream && header->SocketAddress is not null && header->SocketAddressLen > 0;
        uint ip = 0;
        int port = 0;
        if (toDestination)
        {
            int addressError = SocketAddresses.ReadIPv4(header->SocketAddress, header->SocketAddressLen, out ip, out port);
            if (addressError != 0)
                return addressError;
        }
        int error = SendFrom(s, data, flags, toDestination, ip, port, out int count);
        *sent = count;
        return error;
    }

    private static int ReceiveInto(SocketDescription s, Span<byte> buffer, int flags, out int count, out uint ip, out int port, out bool truncated)
    {
        count = 0;
        ip = 0;
        port = 0;
        truncated = false;
        if ((flags & FlagOutOfBand) != 0)
            return Errors.EOPNOTSUPP;
        if ((flags & ~Supported) != 0)
            return Errors.EINVAL;
        bool wait = !s.NonBlocking && (flags & FlagDontWait) == 0;
        long deadline = SocketDescription.Deadline(s.ReceiveTimeout);
        while (true)
        {
            int seen = s.Signal.Version;
            int error = s.Node.Receive(buffer, (flags & FlagPeek) != 0, out count, out ip, out port, out truncated);
            if (error != Errors.EAGAIN || !wait)
                return error;
            if (!s.Signal.WaitForChange(seen, deadline))
                return Errors.EAGAIN;
            if (s.Closed)
                return Errors.EBADF;
        }
    }

    private static int SendFrom(SocketDescription s, ReadOnlySpan<byte> data, int flags, bool toDestination, uint ip, int port, out int sent)
    {
        sent = 0;
        if ((flags & FlagOutOfBand) != 0)
            return Errors.EOPNOTSUPP;
        if ((flags & ~Supported) != 0)
            return Errors.EINVAL;
        bool wait = !s.NonBlocking && (flags & FlagDontWait) == 0;
        long deadline = SocketDescription.Deadline(s.SendTimeout);
        while (true)
        {
            int seen = s.Signal.Version;
            int error = s.Node.Send(data.Slice(sent), toDestination, ip, port, out int count);
            sent += count;
            if (error == 0 && (sent == data.Length || !s.Node.IsStream))
                return 0;
            if (error != 0 && error != Errors.EAGAIN)
                return sent > 0 ? 0 : error;
            if (!wait)
                return sent > 0 ? 0 : Errors.EAGAIN;
            if (!s.Signal.WaitForChange(seen, deadline))
                return sent > 0 ? 0 : Errors.EAGAIN;
            if (s.Closed)
                return sent > 0 ? 0 : Errors.EBADF;
        }
    }

    // The bytes a message's vectors hold; false (EINVAL, as Linux) for a negative vector
    // count, a negative length, or more than an int's worth in all.
    private static bool TryTotal(MessageHeader* header, out int total)
    {
        total = 0;
        if (header->IOVectorCount < 0)
            return false;
        long sum = 0;
        for (int i = 0; i < header->IOVectorCount; i++)
        {
            long count = (long)header->IOVectors[i].Count;
            if (count < 0 || (sum += count) > int.MaxValue)
                return false;
        }
        total = (int)sum;
        return true;
    }

    private static byte[] Gather(MessageHeader* header, int total)
    {
        var data = new byte[total];
        int offset = 0;
        for (int i = 0; i < header->IOVectorCount; i++)
        {
            int length = (int)header->IOVectors[i].Count;
            new ReadOnlySpan<byte>(header->IOVectors[i].Base, length).CopyTo(data.AsSpan(offset));
            offset += length;
        }
        return data;
    }

    private static void Scatter(ReadOnlySpan<byte> data, MessageHeader* header)
    {
        for (int i = 0; i < header->IOVectorCount && !data.IsEmpty; i++)
        {
            int length = Math.Min((int)header->IOVectors[i].Count, data.Length);
            data.Slice(0, length).CopyTo(new Span<byte>(header->IOVectors[i].Base, length));
            data = data.Slice(length);
        }
    }
}
