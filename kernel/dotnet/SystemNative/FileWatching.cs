using System.Runtime.InteropServices;

namespace Uk.Dotnet.SystemNative;

// inotify, which FileSystemWatcher uses on Linux: not served (vfscore raises no change
// events), so starting a watcher throws an IOException saying so. ASP.NET Core's
// configuration reload watches by polling instead when DOTNET_USE_POLLING_FILE_WATCHER is
// set, as the web template's manifest does.
internal static unsafe class FileWatching
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_INotifyInit")]
    private static nint Init() => Errors.Fail(Errors.ENOTSUP);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_INotifyAddWatch")]
    private static int AddWatch(nint fd, byte* path, uint mask) => Errors.Fail(Errors.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_INotifyRemoveWatch")]
    private static int RemoveWatch(nint fd, int watch) => Errors.Fail(Errors.EBADF);
}
