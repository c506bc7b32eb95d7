using System;
using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Catalog;

/// <summary>Finds every <c>{kernel,plat,libs,drivers}/*/library.yaml</c> under a root and
/// validates the set as a whole.</summary>
public static class CatalogLoader
{
    /// <summary>The folders that hold libraries, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> LibraryFolders = new[] { "kernel", "plat", "libs", "drivers" };

    /// <param name="root">The repository root as the user gave it; error paths are formed from it.</param>
    public static LibraryCatalog Load(string root, DiagnosticBag diagnostics) => Load(root, [], diagnostics);

    /// <param name="root">The repository root as the user gave it; error paths are formed from it.</param>
    /// <param name="externalLibraries">Folders of libraries that live elsewhere (each with its
    /// library.yaml), such as those a NuGet package brings; they join the catalog after the
    /// root's, with the same checks.</param>
    public static LibraryCatalog Load(string root, IReadOnlyList<string> externalLibraries, DiagnosticBag diagnostics)
    {
        var libraries = new List<LibraryDefinition>();
        foreach (var folder in LibraryFolders)
        {
            // "--root ." should read "drivers/x/library.yaml" in errors, not "./drivers/...".
            var parent = root == "." || root == "./" ? folder : Path.Combine(root, folder);
            if (!Directory.Exists(parent))
            {
                continue;
            }

            var directories = Directory.GetDirectories(parent);
            Array.Sort(directories, StringComparer.Ordinal);
            foreach (var directory in directories)
            {
                var yamlPath = Path.Combine(directory, "library.yaml");
                if (!File.Exists(yamlPath))
                {
                    continue;
                }

                var library = LibraryYamlReader.Read(yamlPath, Path.GetFullPath(directory), diagnostics);
                if (library is not null)
                {
                    libraries.Add(library);
                }
            }
        }

        foreach (var directory in externalLibraries)
        {
            var yamlPath = Path.Combine(directory, "library.yaml");
            if (!File.Exists(yamlPath))
            {
                diagnostics.Add(directory, 0, "a library folder without library.yaml (an UkLibrary item, usually from a package, names it)");
                continue;
            }

            var library = LibraryYamlReader.Read(yamlPath, Path.GetFullPath(directory), diagnostics);
            if (library is not null)
            {
                libraries.Add(library);
            }
        }

        var unique = RemoveDuplicateNames(libraries, diagnostics);
        var catalog = new LibraryCatalog(unique);
        ValidateApis(catalog, diagnostics);
        return catalog;
    }

    private static List<LibraryDefinition> RemoveDuplicateNames(List<LibraryDefinition> libraries, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, LibraryDefinition>();
        var result = new List<LibraryDefinition>();
        foreach (var library in libraries)
        {
            if (seen.TryGetValue(library.Name, out var first))
            {
                diagnostics.Add(library.YamlPath, 1, $"library '{library.Name}' is also defined in {first.YamlPath}");
                continue;
            }

            seen.Add(library.Name, library);
            result.Add(library);
        }

        return result;
    }

    private static void ValidateApis(LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var definers = new Dictionary<string, ApiDefinition>();
        var apiNames = new List<string>();
        foreach (var library in catalog.Libraries)
        {
            foreach (var api in library.Apis)
            {
                if (definers.TryGetValue(api.Name, out var first))
                {
                    diagnostics.Add(library.YamlPath, api.Line, $"API '{api.Name}' is already defined by library '{first.DefinedBy}'");
                    continue;
                }

                definers.Add(api.Name, api);
                apiNames.Add(api.Name);
            }
        }

        foreach (var library in catalog.Libraries)
        {
            foreach (var provided in library.Provides)
            {
                if (!definers.ContainsKey(provided.Name))
                {
                    diagnostics.Add(library.YamlPath, provided.Line,
                        $"'{library.Name}' provides API '{provided.Name}', which no library defines{NameHints.DidYouMean(provided.Name, apiNames)}");
                }
            }

            foreach (var required in library.Requires)
            {
                // A requirement names an API first; a library name is the fallback.
                if (!definers.ContainsKey(required.Name) && catalog.Find(required.Name) is null)
                {
                    var candidates = new List<string>(apiNames);
                    candidates.AddRange(catalog.Names);
                    diagnostics.Add(library.YamlPath, required.Line,
                        $"'{library.Name}' requires '{required.Name}', which is neither a defined API nor a library{NameHints.DidYouMean(required.Name, candidates)}");
                }
                else if (required.Name == library.Name)
                {
                    diagnostics.Add(library.YamlPath, required.Line, $"'{library.Name}' requires itself");
                }
            }
        }
    }
}
