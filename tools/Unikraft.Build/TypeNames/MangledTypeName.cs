using System;
using System.Collections.Generic;

namespace Unikraft.Build.TypeNames;

/// <summary>Reads ILC's mangled type names, instantiations included, back into the text .NET's
/// <c>Type.ToString()</c> gives: "corlib_System_Collections_Generic_List_1&lt;Int32&gt;" →
/// "System.Collections.Generic.List`1[System.Int32]", "__Array&lt;String&gt;" →
/// "System.String[]". Arguments are separated by "__"; names are matched longest first
/// against the image's type definitions, so underscores inside names do not mislead.</summary>
public sealed class MangledTypeName
{
    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.Ordinal)
    {
        ["Void"] = "System.Void", ["Boolean"] = "System.Boolean", ["Bool"] = "System.Boolean", ["Char"] = "System.Char",
        ["Int8"] = "System.SByte", ["UInt8"] = "System.Byte", ["Int16"] = "System.Int16",
        ["UInt16"] = "System.UInt16", ["Int32"] = "System.Int32", ["UInt32"] = "System.UInt32",
        ["Int64"] = "System.Int64", ["UInt64"] = "System.UInt64", ["IntPtr"] = "System.IntPtr",
        ["UIntPtr"] = "System.UIntPtr", ["Single"] = "System.Single", ["Double"] = "System.Double",
        ["Object"] = "System.Object", ["String"] = "System.String", ["System___Canon"] = "System.__Canon",
    };

    private const string ArrayPrefix = "__Array<";
    private const string PointerSuffix = "<Pointer>";

    private readonly TypeDefinitionCatalog _catalog;
    private readonly TypeNameDemangler _fallback;

    public MangledTypeName(TypeDefinitionCatalog catalog, TypeNameDemangler fallback)
    {
        _catalog = catalog;
        _fallback = fallback;
    }

    /// <summary>The .NET name, or null when the text is not a name this reader understands.</summary>
    public string? Read(string mangled)
    {
        var position = 0;
        var name = ReadType(mangled, ref position);
        return name is not null && position == mangled.Length ? name : null;
    }

    /// <summary>The definition behind a plain (non-generic-instance, non-array) mangled name.</summary>
    public bool TryGetDefinition(string mangled, out TypeDefinitionInfo info) => _catalog.TryGet(mangled, out info);

    private string? ReadType(string text, ref int position)
    {
        if (string.CompareOrdinal(text, position, ArrayPrefix, 0, ArrayPrefix.Length) == 0)
        {
            position += ArrayPrefix.Length;
            var element = ReadType(text, ref position);
            if (element is null || position >= text.Length || text[position] != '>')
            {
                return null;
            }

            position++;
            return element + "[]";
        }

        var definition = ReadDefinition(text, ref position);
        if (definition is null)
        {
            return null;
        }

        if (string.CompareOrdinal(text, position, PointerSuffix, 0, PointerSuffix.Length) == 0)
        {
            position += PointerSuffix.Length;
            return definition + "*";
        }

        if (position < text.Length && text[position] == '<')
        {
            position++;
            var arguments = new List<string>();
            while (true)
            {
                var argument = ReadType(text, ref position);
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
                if (string.CompareOrdinal(text, position, "__", 0, 2) == 0)
                {
                    position += 2;
                    continue;
                }

                if (position < text.Length && text[position] == '>')
                {
                    position++;
                    return definition + "[" + string.Join(",", arguments) + "]";
                }

                return null;
            }
        }

        return definition;
    }

    // The longest prefix from `position` that names a definition and ends where a name may end.
    private string? ReadDefinition(string text, ref int position)
    {
        for (var end = NameEnd(text, position); end > position; end--)
        {
            if (end < text.Length && !IsBoundary(text, end))
            {
                continue;
            }

            var candidate = text.Substring(position, end - position);
            string? name = WellKnown.TryGetValue(candidate, out var known) ? known
                : _catalog.TryGet(candidate, out var info) ? info.FullName
                : null;
            if (name is not null)
            {
                position = end;
                return name;
            }
        }

        // A definition the metadata does not list: the plain demangling, up to the next '<', '>' or "__".
        var stop = position;
        while (stop < text.Length && text[stop] != '<' && text[stop] != '>' && string.CompareOrdinal(text, stop, "__", 0, 2) != 0)
        {
            stop++;
        }

        if (stop == position)
        {
            return null;
        }

        var plain = text.Substring(position, stop - position);
        position = stop;
        var demangled = _fallback.Demangle(plain);
        // Without metadata, "List_1<...>" still shows its arity the .NET way: "List`1[...]".
        var dot = demangled.LastIndexOf('.');
        if (stop < text.Length && text[stop] == '<' && dot > 0 && dot < demangled.Length - 1 && IsDigits(demangled, dot + 1))
        {
            demangled = string.Concat(demangled.AsSpan(0, dot), "`", demangled.AsSpan(dot + 1));
        }

        return demangled;
    }

    private static bool IsDigits(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int NameEnd(string text, int position)
    {
        var end = position;
        while (end < text.Length && text[end] != '<' && text[end] != '>')
        {
            end++;
        }

        return end;
    }

    private static bool IsBoundary(string text, int index) =>
        text[index] == '<' || text[index] == '>' || string.CompareOrdinal(text, index, "__", 0, 2) == 0;
}
