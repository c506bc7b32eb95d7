using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Elf;
using Unikraft.Build.Generation;
using Unikraft.Build.Unserved;

namespace Unikraft.Build.Cli;

/// <summary><c>unserved</c>: ILC object and the image's other objects → NASM stubs for the
/// System.Native functions nothing serves; an error naming any other missing import.</summary>
public static class UnservedCommand
{
    public static bool Run(string objectPath, IReadOnlyList<string> others, string outPath, IBuildLog log)
    {
        UnservedImports imports;
        try
        {
            ElfObject ilc = ElfSymbolReader.ReadObject(File.ReadAllBytes(objectPath));
            var rest = others.Select(path => ElfSymbolReader.ReadObject(File.ReadAllBytes(path))).ToList();
            imports = UnservedImports.Find(ilc, rest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or ElfFormatException)
        {
            log.Error(new BuildError(e.Message));
            return false;
        }

        if (imports.Missing.Count > 0)
        {
            log.Error(new BuildError($"the image imports {imports.Missing.Count} function(s) that no kernel library provides: "
                + string.Join(", ", imports.Missing)
                + ". They are runtime or C library functions .NET's CoreLib needs: the dotnet library does not serve them yet (docs/full-bcl.md)."));
            return false;
        }

        try
        {
            bool changed = OutputWriter.WriteIfChanged(outPath, imports.GenerateStubs(Path.GetFileName(objectPath)));
            log.Message($"Unikraft.Build: unserved: {imports.Refused.Count} native-library functions refused at run time"
                + (imports.Refused.Count > 0 ? " (" + string.Join(", ", imports.Refused) + ")" : "")
                + "; " + (changed ? "updated " + Path.GetFileName(outPath) : "output up to date"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error(new BuildError($"cannot write '{outPath}': {e.Message}"));
            return false;
        }
        return true;
    }
}
