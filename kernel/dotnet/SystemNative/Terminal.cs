using System;
using System.Runtime.InteropServices;
using System.Text;
using Internal.Runtime;

namespace Uk.Dotnet.SystemNative;

// Standard output and error go to the kernel's consoles. They are not terminals (no
// terminfo, no window size), so .NET's Console writes plain text, as when redirected.
internal static unsafe class Terminal
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    private static Decoder? s_decoder;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Write")]
    private static int Write(nint fd, byte* buffer, int count)
    {
        if (fd >= FileDescriptors.FirstFile)
            return Files.Write(fd, buffer, count);
        if (fd != StandardOutput && fd != StandardError)
            return Errors.Fail(Errors.EBADF);
        if (count <= 0)
            return 0;
        s_decoder ??= Encoding.UTF8.GetDecoder();
        Span<char> chars = stackalloc char[256];
        int done = 0;
        while (done < count)
        {
            int chunk = Math.Min(count - done, chars.Length);
            // A multi-byte sequence split between writes is completed by the next write.
            int decoded = s_decoder.GetChars(new ReadOnlySpan<byte>(buffer + done, chunk), chars, flush: false);
            ConsoleSeam.Write(chars.Slice(0, decoded));
            done += chunk;
        }
        return count;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Dup")]
    private static nint Dup(nint fd) => fd;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_IsATty")]
    private static int IsATty(nint fd) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_InitializeTerminalAndSignalHandling")]
    private static int InitializeTerminal() => 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_UninitializeTerminal")]
    private static void UninitializeTerminal()
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetWindowSize")]
    private static int GetWindowSize(nint fd, void* size) => Errors.Fail(Errors.ENOTTY);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetControlCharacters")]
    private static void GetControlCharacters(int* names, byte* values, int count, byte* posixDisableValue)
    {
        *posixDisableValue = 0;
        for (int i = 0; i < count; i++)
            values[i] = 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetKeypadXmit")]
    private static void SetKeypadXmit(nint fd, byte* terminfoString)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetTerminalInvalidationHandler")]
    private static void SetTerminalInvalidationHandler(void* handler)
    {
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LogError")]
    private static void LogError(byte* message, int length)
    {
        Span<char> chars = stackalloc char[Math.Min(length, 512)];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = (char)message[i];
        ConsoleSeam.Write(chars);
    }
}
