using System.Collections.Generic;

namespace Unikraft.Build.Catalog;

/// <summary>All libraries of a source tree, in a stable order (kernel, plat, libs, drivers;
/// then by folder name) so generated output never depends on file-system enumeration order.</summary>
public sealed class LibraryCatalog
{
    private readonly Dictionary<string, LibraryDefinition> _byName = new();
    private readonly Dictionary<string, ApiDefinition> _apis = new();

    public LibraryCatalog(IReadOnlyList<LibraryDefinition> libraries)
    {
        Libraries = libraries;
        foreach (var library in libraries)
        {
            _byName.TryAdd(library.Name, library);
            foreach (var api in library.Apis)
            {
                _apis.TryAdd(api.Name, api);
            }
        }
    }

    public IReadOnlyList<LibraryDefinition> Libraries { get; }

    public LibraryDefinition? Find(string name) => _byName.TryGetValue(name, out var library) ? library : null;

    public ApiDefinition? FindApi(string name) => _apis.TryGetValue(name, out var api) ? api : null;

    public IEnumerable<string> Names
    {
        get
        {
            foreach (var library in Libraries)
            {
                yield return library.Name;
            }
        }
    }

    public List<LibraryDefinition> OfKind(LibraryKind kind)
    {
        var result = new List<LibraryDefinition>();
        foreach (var library in Libraries)
        {
            if (library.Kind == kind)
            {
                result.Add(library);
            }
        }

        return result;
    }

    /// <summary>Libraries that provide <paramref name="api"/>, in catalog order.</summary>
    public List<LibraryDefinition> ProvidersOf(string api)
    {
        var result = new List<LibraryDefinition>();
        foreach (var library in Libraries)
        {
            if (library.ProvidesApi(api))
            {
                result.Add(library);
            }
        }

        return result;
    }
}
