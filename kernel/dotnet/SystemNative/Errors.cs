using System;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// errno as CoreLib reads it after a failed call. The kernel's error numbers are the PAL's
// own (Interop.Error), so converting between the two is the identity.
internal static unsafe class Errors
{
    // Interop.Error values CoreLib maps to exceptions.
    internal const int EACCES = 0x10002;
    internal const int EBADF = 0x10008;
    internal const int EBUSY = 0x1000A;
    internal const int EEXIST = 0x10014;
    internal const int EFBIG = 0x10016;
    internal const int EINVAL = 0x1001C;
    internal const int EIO = 0x1001D;
    internal const int EISDIR = 0x1001F;
    internal const int EMFILE = 0x10021;
    internal const int ENAMETOOLONG = 0x10025;
    internal const int ENOENT = 0x1002D;
    internal const int ENOMEM = 0x10031;
    internal const int ENOSPC = 0x10034;
    internal const int ENOSYS = 0x10037;
    internal const int ENOTDIR = 0x10039;
    internal const int ENOTEMPTY = 0x1003A;
    internal const int ENOTSUP = 0x1003D;
    internal const int ENOTTY = 0x1003E;
    internal const int EPERM = 0x10042;
    internal const int EROFS = 0x10048;
    internal const int ESPIPE = 0x10049;
    internal const int EXDEV = 0x1004F;

    // Socket errors (Interop.Error), which .NET maps to SocketError.
    internal const int EADDRINUSE = 0x10003;
    internal const int EADDRNOTAVAIL = 0x10004;
    internal const int EAFNOSUPPORT = 0x10005;
    internal const int EAGAIN = 0x10006;
    internal const int EALREADY = 0x10007;
    internal const int ECONNABORTED = 0x1000D;
    internal const int ECONNREFUSED = 0x1000E;
    internal const int ECONNRESET = 0x1000F;
    internal const int EDESTADDRREQ = 0x10011;
    internal const int EHOSTUNREACH = 0x10017;
    internal const int EINPROGRESS = 0x1001A;
    internal const int EISCONN = 0x1001E;
    internal const int EMSGSIZE = 0x10023;
    internal const int ENETDOWN = 0x10026;
    internal const int ENODEV = 0x1002C;
    internal const int ENETUNREACH = 0x10028;
    internal const int ENOBUFS = 0x1002A;
    internal const int ENOPROTOOPT = 0x10033;
    internal const int ENOTCONN = 0x10038;
    internal const int ENOTSOCK = 0x1003C;
    internal const int EPIPE = 0x10043;
    internal const int EPROTONOSUPPORT = 0x10045;
    internal const int EPROTOTYPE = 0x10046;
    internal const int ETIMEDOUT = 0x1004D;
    internal const int ESOCKTNOSUPPORT = 0x1005E;
    // The PAL gives EOPNOTSUPP the value of ENOTSUP, as Linux does.
    internal const int EOPNOTSUPP = ENOTSUP;

    internal static int Fail(int error)
    {
        Uk.Dotnet.Runtime.ThreadBlocks.Errno = error;
        return -1;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetErrNo")]
    private static int GetErrNo() => Uk.Dotnet.Runtime.ThreadBlocks.Errno;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetErrNo")]
    private static void SetErrNo(int error) => Uk.Dotnet.Runtime.ThreadBlocks.Errno = error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ConvertErrorPlatformToPal")]
    private static int PlatformToPal(int error) => error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ConvertErrorPalToPlatform")]
    private static int PalToPlatform(int error) => error;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_StrErrorR")]
    private static byte* StrError(int error, byte* buffer, int length)
    {
        // Linux's wording, which .NET puts in its exception messages; the two errors only
        // this kernel gives say what the image lacks.
        ReadOnlySpan<byte> text = error switch
        {
            EACCES => "Permission denied"u8,
            EBADF => "Bad file descriptor"u8,
            EBUSY => "Device or resource busy"u8,
            EEXIST => "File exists"u8,
            EFBIG => "File too large"u8,
            EINVAL => "Invalid argument"u8,
            EIO => "Input/output error"u8,
            EISDIR => "Is a directory"u8,
            EMFILE => "Too many open files"u8,
            ENAMETOOLONG => "File name too long"u8,
            ENOENT => "No such file or directory"u8,
            ENOMEM => "Cannot allocate memory"u8,
            ENOSPC => "No space left on device"u8,
            ENOSYS => "No file system in this image: add vfscore and a file system (ramfs, fatfs) to libraries in unikernel.yaml"u8,
            ENOTDIR => "Not a directory"u8,
            ENOTEMPTY => "Directory not empty"u8,
            ENOTSUP => "Not supported by the libraries in this image (see unikernel.yaml)"u8,
            ENOTTY => "Inappropriate ioctl for device"u8,
            EPERM => "Operation not permitted"u8,
            EROFS => "Read-only file system"u8,
            ESPIPE => "Illegal seek"u8,
            EXDEV => "Invalid cross-device link"u8,
            EADDRINUSE => "Address already in use"u8,
            EADDRNOTAVAIL => "Cannot assign requested address"u8,
            EAFNOSUPPORT => "Address family not supported by protocol"u8,
            EAGAIN => "Resource temporarily unavailable"u8,
            EALREADY => "Operation already in progress"u8,
            ECONNABORTED => "Software caused connection abort"u8,
            ECONNREFUSED => "Connection refused"u8,
            ECONNRESET => "Connection reset by peer"u8,
            EDESTADDRREQ => "Destination address required"u8,
            EHOSTUNREACH => "No route to host"u8,
            EINPROGRESS => "Operation now in progress"u8,
            EISCONN => "Transport endpoint is already connected"u8,
            EMSGSIZE => "Message too long"u8,
            ENETDOWN => "Network is down"u8,
            ENODEV => "No such device"u8,
            ENETUNREACH => "Network is unreachable"u8,
            ENOBUFS => "No buffer space available"u8,
            ENOPROTOOPT => "Protocol not available"u8,
            ENOTCONN => "Transport endpoint is not connected"u8,
            ENOTSOCK => "Socket operation on non-socket"u8,
            EPIPE => "Broken pipe"u8,
            EPROTONOSUPPORT => "Protocol not supported"u8,
            EPROTOTYPE => "Protocol wrong type for socket"u8,
            ETIMEDOUT => "Connection timed out"u8,
            ESOCKTNOSUPPORT => "Socket type not supported"u8,
            _ => "Unknown error"u8,
        };
        int count = Math.Min(text.Length, length - 1);
        if (count < 0)
            return null;
        text.Slice(0, count).CopyTo(new Span<byte>(buffer, count));
        buffer[count] = 0;
        return buffer;
    }
}
