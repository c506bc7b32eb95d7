using System;
using System.Text;

namespace Uk.Dotnet.SystemNative;

// The NUL-terminated UTF-8 strings .NET passes to System.Native and gets from it.
internal static unsafe class NativePath
{
    internal static string Read(byte* path)
    {
        if (path == null)
            return "";
        int length = 0;
        while (path[length] != 0)
            length++;
        return Encoding.UTF8.GetString(path, length);
    }

    // A NUL-terminated UTF-8 copy in native memory, for functions whose caller frees the result.
    internal static byte* CopyOut(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        byte* copy = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(copy, length));
        copy[length] = 0;
        return copy;
    }
}
