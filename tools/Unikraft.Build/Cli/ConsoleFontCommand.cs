using System;
using System.IO;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Cli;

/// <summary><c>console-font</c>: a PSF font file as generated C# for fbcons
/// (ConsoleFontGenerator). A missing font names the Debian package that ships it.</summary>
public static class ConsoleFontCommand
{
    public static int Run(string fontPath, string outPath, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(fontPath))
        {
            stderr.WriteLine($"Unikraft.Build: error: the console font '{fontPath}' is missing: fbcons compiles it in. Install it with `sudo apt-get install {ConsoleFontGenerator.DebianPackage}` (Debian, Ubuntu), or point the MSBuild property UkConsoleFont at another PSF font.");
            return 1;
        }

        try
        {
            byte[] font = ConsoleFontGenerator.Read(fontPath);
            string? problem = ConsoleFontGenerator.Check(font);
            if (problem is not null)
            {
                stderr.WriteLine($"Unikraft.Build: error: {fontPath}: {problem}");
                return 1;
            }

            OutputWriter.WriteIfChanged(outPath, ConsoleFontGenerator.Generate(font, fontPath));
            stdout.WriteLine($"Unikraft.Build: console-font: {fontPath}, {font.Length} bytes");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine($"Unikraft.Build: error: {fontPath}: {e.Message}");
            return 1;
        }
    }
}
