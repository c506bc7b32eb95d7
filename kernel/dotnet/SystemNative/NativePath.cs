using System;
using System.Text;

namespace Uk.Dotnet.SystemNative;

// The NUL-terminated UTF-8 paths .NET passes to System.Native.
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
}
