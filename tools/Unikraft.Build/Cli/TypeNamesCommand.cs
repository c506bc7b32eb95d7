using System;
using System.IO;
using Unikraft.Build.Elf;
using Unikraft.Build.Generation;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Cli;

/// <summary><c>typenames</c>: ILC object → NASM table of (method table, type name) pairs, so the
/// kernel can name exception types without reflection metadata.</summary>
public static class TypeNamesCommand
{
    public static int Run(string objectPath, string assemblies, string outPath, TextWriter stdout, TextWriter stderr)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(objectPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error(stderr, $"cannot read '{objectPath}': {e.Message}");
        }

        TypeNameTable table;
        try
        {
            var demangler = new TypeNameDemangler(assemblies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            table = TypeNameTable.Build(ElfSymbolReader.Read(bytes), demangler);
        }
        catch (ElfFormatException e)
        {
            return Error(stderr, $"'{objectPath}': {e.Message}");
        }

        var objectName = Path.GetFileName(objectPath);
        bool changed;
        try
        {
            changed = OutputWriter.WriteIfChanged(outPath, NasmTypeNameWriter.Generate(table, objectName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error(stderr, $"cannot write '{outPath}': {e.Message}");
        }

        stdout.WriteLine(
            $"Unikraft.Build: typenames: {table.Entries.Count} types from {objectName} "
            + $"({table.BoxedSkipped} boxed, {table.Unreferenceable.Count} not nameable in NASM left out); "
            + (changed ? "updated " + Path.GetFileName(outPath) : "output up to date"));
        return 0;
    }

    private static int Error(TextWriter stderr, string message)
    {
        stderr.WriteLine("Unikraft.Build: error: " + message);
        return 1;
    }
}
