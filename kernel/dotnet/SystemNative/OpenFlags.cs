namespace Uk.Dotnet.SystemNative;

// Interop.Sys.OpenFlags (pal_io.h): the values .NET passes to SystemNative_Open.
internal static class OpenFlags
{
    internal const int ReadOnly = 0x0000;
    internal const int WriteOnly = 0x0001;
    internal const int ReadWrite = 0x0002;
    internal const int AccessMask = 0x000F;
    internal const int CloseOnExec = 0x0010;
    internal const int Create = 0x0020;
    internal const int Exclusive = 0x0040;
    internal const int Truncate = 0x0080;
    internal const int Sync = 0x0100;
    internal const int NoFollow = 0x0200;

    // Flags with no effect here (no exec, no symbolic links) are accepted; Sync flushes after
    // each write.
    internal const int Known = AccessMask | CloseOnExec | Create | Exclusive | Truncate | Sync | NoFollow;
}
