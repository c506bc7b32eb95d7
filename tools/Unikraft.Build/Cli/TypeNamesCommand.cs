using System;
using System.IO;
using Unikraft.Build.Elf;
using Unikraft.Build.Generation;
using Unikraft.Build.Symbols;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Cli;

/// <summary><c>typenames</c>: ILC object → NASM table of (method table, type name) pairs, so the
/// kernel can name exception types without reflection metadata, and with <c>--symbols</c> a
/// NASM table of function names, so panics can print a symbolised stack trace.</summary>
public static class TypeNamesCommand
{
    public static int Run(string objectPath, string assemblies, string outPath, string? symbolsPath, string? metadata, TextWriter stdout, TextWriter stderr)
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
        FunctionSymbolTable functions;
        try
        {
            var demangler = new TypeNameDemangler(assemblies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var file = ElfSymbolReader.ReadObject(bytes);
            table = TypeNameTable.Build(file.Symbols, demangler, LoadCatalog(metadata));
            functions = FunctionSymbolTable.Build(file, new FunctionNameDemangler(demangler));
        }
        catch (ElfFormatException e)
        {
            return Error(stderr, $"'{objectPath}': {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return Error(stderr, $"cannot read the metadata of the image's assemblies: {e.Message}");
        }

        var objectName = Path.GetFileName(objectPath);
        if (!TryWrite(outPath, NasmTypeNameWriter.Generate(table, objectName), stderr, out var changed))
        {
            return 1;
        }

        stdout.WriteLine(
            $"Unikraft.Build: typenames: {table.Entries.Count} types from {objectName} "
            + $"({table.BoxedCount} value types, {table.Enums.Count} enums, {table.Unreferenceable.Count} not nameable in NASM left out); "
            + (changed ? "updated " + Path.GetFileName(outPath) : "output up to date"));
        if (symbolsPath is null)
        {
            return 0;
        }

        if (!TryWrite(symbolsPath, NasmSymbolTableWriter.Generate(functions, objectName, out var unnamed), stderr, out changed))
        {
            return 1;
        }

        stdout.WriteLine(
            $"Unikraft.Build: symbols: {functions.Entries.Count} functions from {objectName} "
            + $"({functions.AliasesSkipped} aliases, {unnamed} without a name); "
            + (changed ? "updated " + Path.GetFileName(symbolsPath) : "output up to date"));
        return 0;
    }

    // --metadata: the assemblies' paths, ';'-separated; without it names come from symbols alone.
    private static TypeDefinitionCatalog? LoadCatalog(string? metadata) =>
        metadata is null ? null : TypeDefinitionCatalog.Load(metadata.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool TryWrite(string path, string content, TextWriter stderr, out bool changed)
    {
        try
        {
            changed = OutputWriter.WriteIfChanged(path, content);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error(stderr, $"cannot write '{path}': {e.Message}");
            changed = false;
            return false;
        }
    }

    private static int Error(TextWriter stderr, string message)
    {
        stderr.WriteLine("Unikraft.Build: error: " + message);
        return 1;
    }
}
