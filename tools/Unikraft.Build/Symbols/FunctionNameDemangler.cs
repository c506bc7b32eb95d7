using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Unikraft.Build.TypeNames;

namespace Unikraft.Build.Symbols;

/// <summary>A function's readable name: the type it belongs to (empty for functions outside a
/// type) and the method.</summary>
public readonly record struct FunctionName(string Owner, string Method)
{
    public override string ToString() => Owner.Length == 0 ? Method : Owner + "." + Method;
}

/// <summary>Turns ILC's managed method symbols back into readable names.
/// ILC names a method <c>&lt;type&gt;__&lt;method&gt;</c>, the type mangled as for method tables
/// (<see cref="TypeNameDemangler"/>), generic arguments in <c>&lt;...&gt;</c> separated by
/// <c>__</c>, every other non-alphanumeric character turned into '_', and <c>_&lt;n&gt;</c>
/// appended to tell overloads apart. The mangling loses information, so this is a best
/// effort: anything not of a known shape keeps its symbol name, which is still greppable.</summary>
public sealed partial class FunctionNameDemangler
{
    private const string ModuleType = "_Module_";

    private readonly TypeNameDemangler _types;

    public FunctionNameDemangler(TypeNameDemangler types) => _types = types;

    /// <summary>"core_Uk_Core_Kernel__Start" → (Uk.Core.Kernel, Start); "String__Concat_1" →
    /// (System.String, Concat); "RhpNewFast" → ("", RhpNewFast).</summary>
    public FunctionName Demangle(string symbol)
    {
        if (symbol.Length == 0 || symbol[0] == '_' || symbol[0] == '<' || !IsMangledText(symbol))
        {
            return new FunctionName(string.Empty, symbol);
        }

        if (!_types.TryStripAssembly(symbol, out var rest))
        {
            // The corlib's well-known types (String, Object, Int32...) have no assembly prefix.
            var wellKnown = WellKnownMethod().Match(symbol);
            return wellKnown.Success
                ? new FunctionName("System." + wellKnown.Groups[1].Value, DemangleMethod(wellKnown.Groups[2].Value))
                : new FunctionName(string.Empty, symbol);
        }

        string owner;
        string method;
        if (rest.StartsWith(ModuleType + "__", StringComparison.Ordinal))
        {
            owner = "<Module>";
            method = rest.Substring(ModuleType.Length + 2);
        }
        else
        {
            var split = TypeMethodSeparator(rest);
            if (split < 0)
            {
                return new FunctionName(string.Empty, symbol);
            }

            owner = DemangleType(rest.Substring(0, split), assemblyStripped: true);
            method = rest.Substring(split + 2);
        }

        // Lambdas live in nested closure classes: "<>c" or "<>c__DisplayClass6_0".
        var closure = ClosureMethod().Match(method);
        if (closure.Success)
        {
            owner += ".<>c" + closure.Groups[1].Value;
            method = closure.Groups[2].Value;
        }

        return new FunctionName(owner, DemangleMethod(method));
    }

    /// <summary>Splits a type name at its last '.' outside generic arguments:
    /// "System.Span&lt;Uk.X&gt;" → ("System", "Span&lt;Uk.X&gt;").</summary>
    public static (string Scope, string Name) SplitType(string type)
    {
        var depth = 0;
        for (var i = type.Length - 1; i >= 0; i--)
        {
            var c = type[i];
            if (c == '>')
            {
                depth++;
            }
            else if (c == '<')
            {
                depth--;
            }
            else if (c == '.' && depth == 0 && i > 0)
            {
                return (type.Substring(0, i), type.Substring(i + 1));
            }
        }

        return (string.Empty, type);
    }

    private string DemangleType(string mangled, bool assemblyStripped)
    {
        var open = mangled.IndexOf('<');
        if (open > 0 && mangled[^1] == '>')
        {
            // "corlib_System_Span_1<Char>": drop the arity, demangle each argument.
            var head = NumberSuffix().Replace(mangled.Substring(0, open), string.Empty);
            return DemangleType(head, assemblyStripped) + "<" + DemangleArguments(mangled.Substring(open + 1, mangled.Length - open - 2)) + ">";
        }

        if (mangled == ModuleType)
        {
            return "<Module>";
        }

        if (!assemblyStripped)
        {
            if (!_types.TryStripAssembly(mangled, out var rest))
            {
                // Well-known corlib types: "Int32" → "System.Int32"; "System___Canon" as below.
                return mangled.Contains('_') ? Dotted(mangled) : "System." + mangled;
            }

            mangled = rest;
        }

        return Dotted(mangled);
    }

    private string DemangleArguments(string mangled)
    {
        var arguments = new List<string>();
        foreach (var argument in SplitTopLevel(mangled))
        {
            arguments.Add(DemangleType(argument, assemblyStripped: false));
        }

        return string.Join(",", arguments);
    }

    private string DemangleMethod(string mangled)
    {
        var generic = string.Empty;
        var open = mangled.IndexOf('<');
        if (open > 0 && mangled[^1] == '>')
        {
            generic = "<" + DemangleArguments(mangled.Substring(open + 1, mangled.Length - open - 2)) + ">";
            mangled = mangled.Substring(0, open);
        }

        var lambda = LambdaMethod().Match(mangled);
        if (lambda.Success)
        {
            return "<" + lambda.Groups[1].Value + ">" + lambda.Groups[2].Value + "__" + lambda.Groups[3].Value + generic;
        }

        // Overloads differ by a "_<n>" suffix that the source never had.
        mangled = NumberSuffix().Replace(mangled, string.Empty);
        var name = mangled switch
        {
            "_ctor" => ".ctor",
            "_cctor" => ".cctor",
            "_Main__" => "<Main>$",
            _ => mangled,
        };
        return name + generic;
    }

    /// <summary>The first "__" outside generic arguments that is not at the start.</summary>
    private static int TypeMethodSeparator(string text)
    {
        var depth = 0;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth--;
            }
            else if (c == '_' && text[i + 1] == '_' && depth == 0 && i > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Generic arguments are separated by "__" at the outermost level.</summary>
    private static List<string> SplitTopLevel(string arguments)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth--;
            }
            else if (c == '_' && depth == 0 && UnderscoreRun(arguments, i) == 2 && i > start)
            {
                parts.Add(arguments.Substring(start, i - start));
                start = i + 2;
                i++;
            }
            else if (c == '_')
            {
                // Skip the rest of a longer run: "System___Canon" is one argument.
                i += UnderscoreRun(arguments, i) - 1;
            }
        }

        parts.Add(arguments.Substring(start));
        return parts;
    }

    private static int UnderscoreRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '_')
        {
            end++;
        }

        return end - start;
    }

    /// <summary>'_' separates namespace parts and nested types; "___" is a separator followed
    /// by a name starting with "__" ("System___Canon" → "System.__Canon"). A name cannot start
    /// with a digit, so "_6" was part of the name ("PcX86_64").</summary>
    private static string Dotted(string mangled)
    {
        var text = new StringBuilder(mangled.Length);
        for (var i = 0; i < mangled.Length; i++)
        {
            if (string.CompareOrdinal(mangled, i, "___", 0, 3) == 0 && i > 0)
            {
                text.Append(".__");
                i += 2;
            }
            else
            {
                var digitFollows = i + 1 < mangled.Length && mangled[i + 1] is >= '0' and <= '9';
                text.Append(mangled[i] == '_' && !digitFollows ? '.' : mangled[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsMangledText(string symbol)
    {
        foreach (var c in symbol)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '<' or '>'))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^([A-Z][A-Za-z0-9]*)__([A-Za-z].*)$")]
    private static partial Regex WellKnownMethod();

    [GeneratedRegex("^_c(__DisplayClass[0-9]+_[0-9]+)?__(.+)$")]
    private static partial Regex ClosureMethod();

    // "<Delegates>b__6_1" (lambda) and "<Main>g__Local|0_0" (local function).
    [GeneratedRegex("^_([A-Za-z0-9]+)_([bg])__(.+)$")]
    private static partial Regex LambdaMethod();

    // An overload number ("Concat_1") or a generic type's arity ("Span_1").
    [GeneratedRegex("_[0-9]+$")]
    private static partial Regex NumberSuffix();
}
