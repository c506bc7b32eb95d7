using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Manifest;
using Unikraft.Build.Options;

namespace Unikraft.Build.Resolution;

/// <summary>Checks and types the manifest's option settings.</summary>
public static class OptionResolver
{
    /// <summary>Returns the valid settings keyed by "library.option".</summary>
    public static Dictionary<string, OptionValue> Resolve(
        AppManifest manifest, IReadOnlyList<ImageMember> image, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, OptionValue>();
        foreach (var setting in manifest.Options)
        {
            var key = setting.Key;
            var dot = key.IndexOf('.');
            if (dot <= 0 || dot == key.Length - 1)
            {
                diagnostics.Add(manifest.Path, setting.Line,
                    $"malformed option key '{key}'; expected '<library>.<option>', e.g. 'uart16550.port'");
                continue;
            }

            var libraryName = key.Substring(0, dot);
            var optionName = key.Substring(dot + 1);
            var library = catalog.Find(libraryName);
            if (library is null)
            {
                diagnostics.Add(manifest.Path, setting.Line,
                    $"option '{key}' is for unknown library '{libraryName}'{NameHints.DidYouMean(libraryName, catalog.Names)}");
                continue;
            }

            if (!DependencyChecker.Contains(image, libraryName))
            {
                diagnostics.Add(manifest.Path, setting.Line,
                    $"option '{key}' is for library '{libraryName}', which is not in this image; add '{libraryName}' to libraries or remove the option");
                continue;
            }

            var option = library.FindOption(optionName);
            if (option is null)
            {
                diagnostics.Add(manifest.Path, setting.Line, UnknownOptionMessage(library, optionName));
                continue;
            }

            var value = OptionValueParser.Parse(key, option.Type, option.Values, setting.Value, out var error);
            if (value is null)
            {
                diagnostics.Add(manifest.Path, setting.Value.Line, error!);
                continue;
            }

            result.Add(library.Name + "." + option.Name, value);
        }

        return result;
    }

    /// <summary>Every option of every library, configured value or default, in image order.</summary>
    public static List<ResolvedOption> InImageOrder(IReadOnlyList<LibraryDefinition> libraries, Dictionary<string, OptionValue> configured)
    {
        var result = new List<ResolvedOption>();
        foreach (var library in libraries)
        {
            foreach (var option in library.Options)
            {
                var isConfigured = configured.TryGetValue(library.Name + "." + option.Name, out var value);
                result.Add(new ResolvedOption(library, option, isConfigured ? value! : option.Default, isConfigured));
            }
        }

        return result;
    }

    private static string UnknownOptionMessage(LibraryDefinition library, string optionName)
    {
        if (library.Options.Count == 0)
        {
            return $"'{library.Name}' has no option '{optionName}'; it has no options";
        }

        var names = new List<string>();
        foreach (var option in library.Options)
        {
            names.Add(option.Name);
        }

        var hint = NameHints.DidYouMean(optionName, names);
        return hint.Length > 0
            ? $"'{library.Name}' has no option '{optionName}'{hint}"
            : $"'{library.Name}' has no option '{optionName}'; its options are: {string.Join(", ", names)}";
    }
}
