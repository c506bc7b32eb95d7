using System;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// The process as .NET sees it: the environment the core installs (EnvironmentSeam), the
// root as the working directory, user 0, one CPU.
internal static unsafe class Process
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEnv")]
    private static byte* GetEnv(byte* name) => name == null ? null : EnvironmentSeam.Find(name);

    // Environment.GetEnvironmentVariables: the whole block, which stays as long as the image.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEnviron")]
    private static nint* GetEnviron() => EnvironmentSeam.Environ();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FreeEnviron")]
    private static void FreeEnviron(nint* environ)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCwd")]
    private static byte* GetCwd(byte* buffer, int size)
    {
        if (size < 2)
        {
            Errors.Fail(Errors.EINVAL);
            return null;
        }
        buffer[0] = (byte)'/';
        buffer[1] = 0;
        return buffer;
    }

    // Environment.ProcessPath (CoreLib frees the copy it is given).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetProcessPath")]
    private static byte* GetProcessPath() => NativePath.CopyOut(EnvironmentSeam.ProcessPath);

    // Environment.OSVersion's text, as uname's "sysname release version".
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetUnixVersion")]
    private static int GetUnixVersion(byte* version, int* capacity)
    {
        ReadOnlySpan<byte> text = "Unikraft 0.1 unikernel"u8;
        if (version == null || capacity == null || *capacity <= text.Length)
        {
            if (capacity != null)
                *capacity = text.Length + 1;
            return -1;
        }
        text.CopyTo(new Span<byte>(version, text.Length));
        version[text.Length] = 0;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEUid")]
    private static uint GetEUid() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEGid")]
    private static uint GetEGid() => 0;

    // No supplementary groups (.NET asks when it works out whether a file is read-only).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetGroups")]
    private static int GetGroups(int count, uint* groups) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPwUidR")]
    private static int GetPwUidR(uint uid, void* passwd, byte* buffer, int length) => Errors.ENOENT;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SchedGetCpu")]
    private static int SchedGetCpu() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Abort")]
    private static void Abort() => RuntimeFailure.Fail("dotnet: the process aborted: an unhandled exception or Environment.FailFast (.NET's report is above)", null);
}
