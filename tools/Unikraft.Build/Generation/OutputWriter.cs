using System;
using System.IO;
using System.Text;

namespace Unikraft.Build.Generation;

/// <summary>Writes generated files only when their content changes, so file timestamps stay
/// put and MSBuild's incremental build skips recompiling an unchanged image.</summary>
public static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <returns>True when the file was written.</returns>
    public static bool WriteIfChanged(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, bytes);
        return true;
    }
}
