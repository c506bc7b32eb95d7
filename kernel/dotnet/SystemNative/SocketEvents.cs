using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// The socket event port .NET's SocketAsyncEngine waits on (epoll on Linux): one thread
// waits for events; each says which registered socket may be ready for what.
internal static unsafe class SocketEvents
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CreateSocketEventPort")]
    private static int CreatePort(nint* port)
    {
        *port = GCHandle.ToIntPtr(GCHandle.Alloc(new SocketEventPort()));
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CloseSocketEventPort")]
    private static int ClosePort(nint port)
    {
        GCHandle.FromIntPtr(port).Free();
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CreateSocketEventBuffer")]
    private static int CreateBuffer(int count, void** buffer)
    {
        if (count <= 0)
            return Errors.EINVAL;
        *buffer = NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(NativeSocketEvent));
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FreeSocketEventBuffer")]
    private static int FreeBuffer(void* buffer)
    {
        NativeMemory.Free(buffer);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_TryChangeSocketEventRegistration")]
    private static int ChangeRegistration(nint port, nint socket, int currentEvents, int newEvents, nint data)
    {
        SocketDescription? description = FileDescriptors.FindSocket(socket);
        if (description is null)
            return Errors.EBADF;
        if (newEvents == 0)
            description.Unregister();
        else
            description.Register(PortOf(port), data);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_WaitForSocketEvents")]
    private static int Wait(nint port, void* buffer, int* count)
    {
        int capacity = *count;
        if (capacity <= 0)
            return Errors.EINVAL;
        *count = PortOf(port).Wait((NativeSocketEvent*)buffer, capacity);
        return 0;
    }

    private static SocketEventPort PortOf(nint port) => (SocketEventPort)GCHandle.FromIntPtr(port).Target!;
}
