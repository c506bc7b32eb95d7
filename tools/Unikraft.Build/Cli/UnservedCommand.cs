using System;
using System.IO;
using System.Linq;
using Unikraft.Build.Elf;
using Unikraft.Build.Generation;
using Unikraft.Build.Unserved;

namespace Unikraft.Build.Cli;

/// <summary><c>unserved</c>: ILC object and the image's other objects → NASM stubs for the
/// System.Native functions nothing serves; an error naming any other missing import.</summary>
public static class UnservedCommand
{
    public static int Run(string objectPath, string others, string outPath, TextWriter stdout, TextWriter stderr)
    {
        UnservedImports imports;
        try
        {
            ElfObject ilc = ElfSymbolReader.ReadObject(File.ReadAllBytes(objectPath));
            var rest = others.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(path => ElfSymbolReader.ReadObject(File.ReadAllBytes(path)))
                .ToList();
            imports = UnservedImports.Find(ilc, rest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or ElfFormatException)
        {
            stderr.WriteLine("Unikraft.Build: error: " + e.Message);
            return 1;
        }

        if (imports.Missing.Count > 0)
        {
            stderr.WriteLine($"Unikraft.Build: error: the image imports {imports.Missing.Count} function(s) that no kernel library provides: "
                + string.Join(", ", imports.Missing)
                + ". They are runtime or C library functions .NET's CoreLib needs: the dotnet library does not serve them yet (docs/full-bcl.md).");
            return 1;
        }

        try
        {
            bool changed = OutputWriter.WriteIfChanged(outPath, imports.GenerateStubs(Path.GetFileName(objectPath)));
            stdout.WriteLine($"Unikraft.Build: unserved: {imports.Refused.Count} native-library functions refused at run time"
                + (imports.Refused.Count > 0 ? " (" + string.Join(", ", imports.Refused) + ")" : "")
                + "; " + (changed ? "updated " + Path.GetFileName(outPath) : "output up to date"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Unikraft.Build: error: cannot write '{outPath}': {e.Message}");
            return 1;
        }
        return 0;
    }
}
