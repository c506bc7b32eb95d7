using System;
using System.Text;

namespace Internal.Runtime;

// The program's environment variables (NAME=value), which the core installs before Main from
// the manifest's env map and the env.NAME=value kernel parameters. Each is kept as a
// NUL-terminated UTF-8 block, as getenv and environ hand them out: the collector does not
// move objects, and these stay referenced for the life of the image.
internal static unsafe class EnvironmentSeam
{
    private static byte[][] s_entries = Array.Empty<byte[]>();
    private static nint[] s_environ = new nint[1];

    // Environment.ProcessPath: the image, as the root's file named after it ("/hello"); its
    // folder, the root, is AppContext.BaseDirectory.
    internal static string ProcessPath { get; private set; } = "/";

    internal static void InstallProcessPath(string path) => ProcessPath = path;

    internal static void Install(string[] variables)
    {
        byte[][] entries = new byte[variables.Length][];
        nint[] environ = new nint[variables.Length + 1];
        for (int i = 0; i < variables.Length; i++)
        {
            byte[] entry = new byte[Encoding.UTF8.GetByteCount(variables[i]) + 1];
            Encoding.UTF8.GetBytes(variables[i], entry);
            entries[i] = entry;
            fixed (byte* start = entry)
                environ[i] = (nint)start;
        }
        s_entries = entries;
        s_environ = environ;
    }

    // The value of name, or null: a pointer into the NAME=value block.
    internal static byte* Find(byte* name)
    {
        int length = 0;
        while (name[length] != 0)
            length++;
        ReadOnlySpan<byte> wanted = new ReadOnlySpan<byte>(name, length);
        byte[][] entries = s_entries;
        for (int i = 0; i < entries.Length; i++)
        {
            byte[] entry = entries[i];
            if (entry.Length > length + 1 && entry[length] == (byte)'=' && entry.AsSpan(0, length).SequenceEqual(wanted))
            {
                fixed (byte* start = entry)
                    return start + length + 1;
            }
        }
        return null;
    }

    // environ: the blocks' addresses, then a null.
    internal static nint* Environ()
    {
        fixed (nint* start = s_environ)
            return start;
    }
}
