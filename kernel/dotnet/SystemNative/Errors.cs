using System;
using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// errno as CoreLib reads it after a failed call. The kernel's error numbers are the PAL's
// own (Interop.Error), so converting between the two is the identity.
internal static unsafe class Errors
{
    // Interop.Error values CoreLib maps to exceptions.
    internal const int ENOENT = 0x1002D;
    internal const int EBADF = 0x10008;
    internal const int ENOMEM = 0x10031;
    internal const int ENOTSUP = 0x1003D;
    internal const int ENOTTY = 0x1003E;
    internal const int EINVAL = 0x1001C;

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
        ReadOnlySpan<byte> text = error switch
        {
            ENOENT => "No such file or directory"u8,
            EBADF => "Bad file descriptor"u8,
            ENOMEM => "Cannot allocate memory"u8,
            ENOTSUP => "Not supported by the libraries in this image (see unikernel.yaml)"u8,
            ENOTTY => "Inappropriate ioctl for device"u8,
            EINVAL => "Invalid argument"u8,
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
