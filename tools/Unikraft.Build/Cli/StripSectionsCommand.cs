using System;
using System.IO;
using Unikraft.Build.Elf;

namespace Unikraft.Build.Cli;

/// <summary><c>strip-sections</c>: the bootable ELF without its section header table, written to
/// the output path (only once it is whole, so a failed step leaves no image behind).</summary>
public static class StripSectionsCommand
{
    public static int Run(string elfPath, string outPath, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            byte[] file = File.ReadAllBytes(elfPath);
            byte[] stripped = SectionHeaderStripper.Strip(file);
            File.WriteAllBytes(outPath, stripped);
            stdout.WriteLine($"Unikraft.Build: strip-sections: {Path.GetFileName(outPath)} {file.Length} -> {stripped.Length} bytes");
            return 0;
        }
        catch (ElfFormatException e)
        {
            stderr.WriteLine($"Unikraft.Build: error: '{elfPath}': {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Unikraft.Build: error: {e.Message}");
            return 1;
        }
    }
}
