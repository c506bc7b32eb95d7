using System;
using System.IO;
using System.Collections.Generic;
using Unikraft.Build.Diagnostics;
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
    public static bool Run(string objectPath, IReadOnlyList<string> assemblies, string outPath, string? symbolsPath, IReadOnlyList<string>? metadata, IBuildLog log)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(objectPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error(log, $"cannot read '{objectPath}': {e.Message}");
        }

        TypeNameTable table;
        FunctionSymbolTable functions;
        try
        {
            var demangler = new TypeNameDemangler(assemblies);
            var file = ElfSymbolReader.ReadObject(bytes);
            table = TypeNameTable.Build(file.Symbols, demangler, LoadCatalog(metadata));
            functions = FunctionSymbolTable.Build(file, new FunctionNameDemangler(demangler));
        }
        catch (ElfFormatException e)
        {
            return Error(log, $"'{objectPath}': {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return Error(log, $"cannot read the metadata of the image's assemblies: {e.Message}");
        }

        var objectName = Path.GetFileName(objectPath);
        if (!TryWrite(outPath, NasmTypeNameWriter.Generate(table, objectName), log, out var changed))
        {
            return false;
        }

        log.Message(
            $"Unikraft.Build: typenames: {table.Entries.Count} types from {objectName} "
            + $"({table.BoxedCount} value types, {table.Enums.Count} enums, {table.Unreferenceable.Count} not nameable in NASM left out); "
            + (changed ? "updated " + Path.GetFileName(outPath) : "output up to date"));
        if (symbolsPath is null)
        {
            return true;
        }

        if (!TryWrite(symbolsPath, NasmSymbolTableWriter.Generate(functions, objectName, out var unnamed), log, out changed))
        {
            return false;
        }

        log.Message(
            $"Unikraft.Build: symbols: {functions.Entries.Count} functions from {objectName} "
            + $"({functions.AliasesSkipped} aliases, {unnamed} without a name); "
            + (changed ? "updated " + Path.GetFileName(symbolsPath) : "output up to date"));
        return true;
    }

    // The assemblies' paths; without them names come from symbols alone.
    private static TypeDefinitionCatalog? LoadCatalog(IReadOnlyList<string>? metadata) =>
        metadata is null ? null : TypeDefinitionCatalog.Load(metadata);

    private static bool TryWrite(string path, string content, IBuildLog log, out bool changed)
    {
        try
        {
            changed = OutputWriter.WriteIfChanged(path, content);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error(log, $"cannot write '{path}': {e.Message}");
            changed = false;
            return false;
        }
    }

    private static bool Error(IBuildLog log, string message)
    {
        log.Error(new BuildError(message));
        return false;
    }
}
