using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Unikraft.Build.Elf;

namespace Unikraft.Build.Unserved;

/// <summary>
/// What ILC's object imports and nothing in the image defines, for images on .NET's own
/// CoreLib (the dotnet library). System.Native functions the kernel does not serve get a stub
/// that stops the kernel naming the function and the area it belongs to, the first time the
/// application reaches it, and so do the framework's other native libraries (OpenSSL
/// cryptography, compression, GSSAPI), which only code that uses them reaches; any other
/// import (a runtime helper, a C library function) is a build error, since CoreLib cannot run
/// without it.
/// </summary>
public sealed class UnservedImports
{
    public const string RefusablePrefix = "SystemNative_";

    // The framework's native libraries by their exports' prefix, and what they serve.
    private static readonly (string Prefix, string Area)[] NativeLibraries =
    [
        (RefusablePrefix, "System.Native"),
        ("CryptoNative_", "System.Security.Cryptography (OpenSSL)"),
        ("CompressionNative_", "System.IO.Compression (zlib, brotli)"),
        ("BrotliDecoder", "System.IO.Compression (brotli)"),
        ("BrotliEncoder", "System.IO.Compression (brotli)"),
        ("NetSecurityNative_", "System.Net.Security (GSSAPI)"),
    ];

    private static bool IsRefusable(string name) => NativeLibraries.Any(library => name.StartsWith(library.Prefix, StringComparison.Ordinal));

    private UnservedImports(IReadOnlyList<string> refused, IReadOnlyList<string> missing)
    {
        Refused = refused;
        Missing = missing;
    }

    /// <summary>Native-library functions that get a refusing stub, sorted.</summary>
    public IReadOnlyList<string> Refused { get; }

    /// <summary>Imports no stub may stand in for, sorted.</summary>
    public IReadOnlyList<string> Missing { get; }

    public static UnservedImports Find(ElfObject ilcObject, IEnumerable<ElfObject> others)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (ElfSymbol symbol in ilcObject.Symbols.Concat(others.SelectMany(o => o.Symbols)))
        {
            if (symbol.IsDefined && symbol.Binding != ElfSymbol.BindLocal)
                defined.Add(symbol.Name);
        }

        var undefined = ilcObject.Symbols
            .Where(s => !s.IsDefined && s.Binding == ElfSymbol.BindGlobal && s.Name.Length > 0 && !defined.Contains(s.Name))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new UnservedImports(
            undefined.Where(IsRefusable).ToList(),
            undefined.Where(n => !IsRefusable(n)).ToList());
    }

    /// <summary>The area of .NET a System.Native function serves, for the refusal message.</summary>
    public static string AreaOf(string function)
    {
        if (!function.StartsWith(RefusablePrefix, StringComparison.Ordinal))
            return NativeLibraries.First(library => function.StartsWith(library.Prefix, StringComparison.Ordinal)).Area;
        string name = function.Substring(RefusablePrefix.Length);
        return name switch
        {
            _ when name.Contains("Dir", StringComparison.Ordinal) || name.Contains("Stat", StringComparison.Ordinal)
                || name.Contains("Link", StringComparison.Ordinal) || name.Contains("Flag", StringComparison.Ordinal)
                || name.Contains("Truncate", StringComparison.Ordinal) || name.Contains("Allocate", StringComparison.Ordinal)
                || name.Contains("Advise", StringComparison.Ordinal) || name.Contains("FileSystem", StringComparison.Ordinal)
                || name is "Rename" or "MkDir" or "RmDir" or "ChMod" or "FChMod" or "Sync" or "FSync" => "System.IO files and directories",
            _ when name.Contains("Socket", StringComparison.Ordinal) || name.Contains("Sock", StringComparison.Ordinal)
                || name.Contains("Address", StringComparison.Ordinal) || name.Contains("Host", StringComparison.Ordinal) => "System.Net sockets",
            _ when name.Contains("Console", StringComparison.Ordinal) || name.Contains("Stdin", StringComparison.Ordinal)
                || name.Contains("Terminal", StringComparison.Ordinal) => "console input",
            _ when name.Contains("Gid", StringComparison.Ordinal) || name.Contains("Uid", StringComparison.Ordinal)
                || name.Contains("Groups", StringComparison.Ordinal) || name.Contains("Pw", StringComparison.Ordinal) => "users and groups",
            _ when name.Contains("Process", StringComparison.Ordinal) || name.Contains("Signal", StringComparison.Ordinal)
                || name is "Kill" or "WaitPid" or "ForkAndExecProcess" => "processes and signals",
            _ => "System.Native",
        };
    }

    /// <summary>NASM source of one stub per refused function: each passes its name and area to
    /// uk_dotnet_unserved (kernel/dotnet), which stops the kernel with them.</summary>
    public string GenerateStubs(string objectName)
    {
        var text = new StringBuilder();
        text.AppendLine("; Generated by Unikraft.Build unserved from " + objectName + ": System.Native functions");
        text.AppendLine("; the image imports and the kernel does not serve. Each stops the kernel, naming itself.");
        text.AppendLine("bits 64");
        text.AppendLine("default rel");
        text.AppendLine("extern uk_dotnet_unserved");
        text.AppendLine("section .text");
        for (int i = 0; i < Refused.Count; i++)
        {
            text.AppendLine("global " + Refused[i]);
            text.AppendLine(Refused[i] + ":");
            text.AppendLine($"    lea rdi, [unserved_name_{i}]");
            text.AppendLine($"    lea rsi, [unserved_area_{i}]");
            text.AppendLine("    jmp uk_dotnet_unserved");
        }
        text.AppendLine("section .rodata");
        for (int i = 0; i < Refused.Count; i++)
        {
            text.AppendLine($"unserved_name_{i}: db \"{Refused[i]}\", 0");
            text.AppendLine($"unserved_area_{i}: db \"{AreaOf(Refused[i])}\", 0");
        }
        return text.ToString();
    }
}
