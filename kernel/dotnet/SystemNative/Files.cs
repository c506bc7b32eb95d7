using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// Files through .NET's System.IO: not served yet (vfscore glue is a later step). Every call
// fails with an error .NET turns into an IOException naming the reason.
internal static unsafe class Files
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Open")]
    private static nint Open(byte* path, int flags, int mode) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Close")]
    private static int Close(nint fd) => fd is 0 or 1 or 2 ? 0 : Errors.Fail(Errors.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Read")]
    private static int Read(nint fd, byte* buffer, int count) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PRead")]
    private static int PRead(nint fd, byte* buffer, int count, long offset) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LSeek")]
    private static long LSeek(nint fd, long offset, int whence) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FStat")]
    private static int FStat(nint fd, void* status) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Stat")]
    private static int Stat(byte* path, void* status) => Errors.Fail(Errors.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FLock")]
    private static int FLock(nint fd, int operation) => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Unlink")]
    private static int Unlink(byte* path) => Errors.Fail(Errors.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Poll")]
    private static int Poll(void* events, uint count, int timeout, uint* triggered) => Errors.Fail(Errors.ENOTSUP);
}
