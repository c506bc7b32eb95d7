using System;
using System.IO;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Elf;

namespace Unikraft.Build.Cli;

/// <summary><c>strip-sections</c>: the bootable ELF without its section header table, written to
/// the output path (only once it is whole, so a failed step leaves no image behind).</summary>
public static class StripSectionsCommand
{
    public static bool Run(string elfPath, string outPath, IBuildLog log)
    {
        try
        {
            byte[] file = File.ReadAllBytes(elfPath);
            byte[] stripped = SectionHeaderStripper.Strip(file);
            File.WriteAllBytes(outPath, stripped);
            log.Message($"Unikraft.Build: strip-sections: {Path.GetFileName(outPath)} {file.Length} -> {stripped.Length} bytes");
            return true;
        }
        catch (ElfFormatException e)
        {
            log.Error(new BuildError($"'{elfPath}': {e.Message}"));
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error(new BuildError(e.Message));
            return false;
        }
    }
}
