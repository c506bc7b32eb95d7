using System;
using System.Collections.Generic;
using System.Text;

namespace Unikraft.Build.TypeNames;

/// <summary>Turns ILC method table symbols back into type names.
/// ILC names them <c>_ZTV&lt;length&gt;&lt;mangled&gt;</c>, mangled being
/// <c>&lt;assembly&gt;_&lt;namespace&gt;_&lt;type&gt;</c> with every non-alphanumeric character of
/// the assembly name and every '.' of the namespace turned into '_'.</summary>
public sealed class TypeNameDemangler
{
    public const string SymbolPrefix = "_ZTV";
    public const string BoxedPrefix = "Boxed_";

    private readonly List<string> _prefixes = new();

    public TypeNameDemangler(IEnumerable<string> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            if (assembly.Length > 0)
            {
                _prefixes.Add(MangleAssembly(assembly) + "_");
            }
        }

        // Longest first, so "core_x_" wins over "core_" for an assembly named "core-x".
        _prefixes.Sort((a, b) => b.Length != a.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
    }

    /// <summary>"pc-x86_64" → "pc_x86_64".</summary>
    public static string MangleAssembly(string assembly)
    {
        var text = new StringBuilder(assembly.Length);
        foreach (var c in assembly)
        {
            text.Append(IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return text.ToString();
    }

    /// <summary>The <c>&lt;mangled&gt;</c> part of <c>_ZTV&lt;length&gt;&lt;mangled&gt;</c>, or null when
    /// <paramref name="symbol"/> is not of that shape or the length does not match.</summary>
    public static string? MangledName(string symbol)
    {
        if (!symbol.StartsWith(SymbolPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var position = SymbolPrefix.Length;
        var length = 0;
        while (position < symbol.Length && symbol[position] >= '0' && symbol[position] <= '9')
        {
            length = checked((length * 10) + (symbol[position] - '0'));
            position++;
            if (length > symbol.Length * 4)
            {
                return null;
            }
        }

        if (position == SymbolPrefix.Length || symbol[SymbolPrefix.Length] == '0')
        {
            return null;
        }

        var mangled = symbol.Substring(position);
        return Encoding.UTF8.GetByteCount(mangled) == length ? mangled : null;
    }

    /// <summary>"corlib_System_ArgumentException" → "System.ArgumentException", "String" →
    /// "System.String". A name with
    /// characters outside [A-Za-z0-9_.] (generic instantiations, "__Array&lt;...&gt;") is kept as is.</summary>
    public string Demangle(string mangled)
    {
        foreach (var c in mangled)
        {
            if (!IsAsciiLetterOrDigit(c) && c != '_' && c != '.')
            {
                return mangled;
            }
        }

        if (TryStripAssembly(mangled, out var rest))
        {
            return rest.Replace('_', '.');
        }

        // ILC leaves the corlib's well-known types (Object, String, Int32...) unprefixed.
        return mangled.Contains('_') ? mangled.Replace('_', '.') : "System." + mangled;
    }

    /// <summary>Removes the longest known <c>&lt;assembly&gt;_</c> prefix; false when none
    /// matches or nothing would be left.</summary>
    public bool TryStripAssembly(string mangled, out string rest)
    {
        foreach (var prefix in _prefixes)
        {
            if (mangled.Length > prefix.Length && mangled.StartsWith(prefix, StringComparison.Ordinal))
            {
                rest = mangled.Substring(prefix.Length);
                return true;
            }
        }

        rest = mangled;
        return false;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
