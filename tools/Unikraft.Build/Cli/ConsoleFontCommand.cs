using System;
using System.IO;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Generation;

namespace Unikraft.Build.Cli;

/// <summary><c>console-font</c>: a PSF font file as generated C# for fbcons
/// (ConsoleFontGenerator). A missing font names the Debian package that ships it.</summary>
public static class ConsoleFontCommand
{
    public static bool Run(string fontPath, string outPath, IBuildLog log)
    {
        if (!File.Exists(fontPath))
        {
            log.Error(new BuildError($"the console font '{fontPath}' is missing: fbcons compiles it in. Install it with `sudo apt-get install {ConsoleFontGenerator.DebianPackage}` (Debian, Ubuntu), or point the MSBuild property UkConsoleFont at another PSF font."));
            return false;
        }

        try
        {
            byte[] font = ConsoleFontGenerator.Read(fontPath);
            string? problem = ConsoleFontGenerator.Check(font);
            if (problem is not null)
            {
                log.Error(new BuildError($"{fontPath}: {problem}"));
                return false;
            }

            OutputWriter.WriteIfChanged(outPath, ConsoleFontGenerator.Generate(font, fontPath));
            log.Message($"Unikraft.Build: console-font: {fontPath}, {font.Length} bytes");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            log.Error(new BuildError($"{fontPath}: {e.Message}"));
            return false;
        }
    }
}
