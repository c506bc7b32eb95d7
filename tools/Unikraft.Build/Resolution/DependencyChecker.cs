using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;

namespace Unikraft.Build.Resolution;

/// <summary>Checks that an image's libraries fit together: exclusive APIs have one provider
/// and every requirement is met by something in the image.</summary>
public static class DependencyChecker
{
    public static void CheckExclusiveApis(string path, IReadOnlyList<ImageMember> image, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var firstProvider = new Dictionary<string, ImageMember>();
        foreach (var member in image)
        {
            foreach (var provided in member.Library.Provides)
            {
                if (catalog.FindApi(provided.Name)?.Cardinality != ApiCardinality.One)
                {
                    continue;
                }

                if (firstProvider.TryGetValue(provided.Name, out var first))
                {
                    diagnostics.Add(path, member.Line,
                        $"API '{provided.Name}' allows only one provider, but both '{first.Name}' ({first.Origin}) and '{member.Name}' ({member.Origin}) provide it; remove one of them");
                }
                else
                {
                    firstProvider.Add(provided.Name, member);
                }
            }
        }
    }

    public static void CheckRequirements(
        string path, IReadOnlyList<ImageMember> image, LibraryDefinition platform, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        foreach (var member in image)
        {
            foreach (var required in member.Library.Requires)
            {
                if (catalog.FindApi(required.Name) is not null)
                {
                    if (Providers(image, required.Name).Count == 0)
                    {
                        diagnostics.Add(path, member.Line, MissingApiMessage(member, required.Name, catalog));
                    }
                }
                else if (!Contains(image, required.Name))
                {
                    var target = catalog.Find(required.Name);
                    var message = target?.Kind == LibraryKind.Platform
                        ? $"'{member.Name}' requires platform '{required.Name}', but the image uses platform '{platform.Name}'"
                        : $"'{member.Name}' requires library '{required.Name}'; add '{required.Name}' to libraries";
                    diagnostics.Add(path, member.Line, message);
                }
            }
        }
    }

    /// <summary>Members of <paramref name="image"/> that provide <paramref name="api"/>.</summary>
    public static List<ImageMember> Providers(IReadOnlyList<ImageMember> image, string api)
    {
        var result = new List<ImageMember>();
        foreach (var member in image)
        {
            if (member.Library.ProvidesApi(api))
            {
                result.Add(member);
            }
        }

        return result;
    }

    /// <summary>The members that satisfy a requirement: every provider of an API, or the named library.</summary>
    public static List<ImageMember> Satisfiers(IReadOnlyList<ImageMember> image, string requirement, LibraryCatalog catalog)
    {
        if (catalog.FindApi(requirement) is not null)
        {
            return Providers(image, requirement);
        }

        var result = new List<ImageMember>();
        foreach (var member in image)
        {
            if (member.Name == requirement)
            {
                result.Add(member);
            }
        }

        return result;
    }

    public static bool Contains(IReadOnlyList<ImageMember> image, string name)
    {
        foreach (var member in image)
        {
            if (member.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string MissingApiMessage(ImageMember member, string api, LibraryCatalog catalog)
    {
        var candidates = new List<string>();
        foreach (var provider in catalog.ProvidersOf(api))
        {
            if (provider.Kind == LibraryKind.Library)
            {
                candidates.Add(provider.Name);
            }
        }

        var prefix = $"'{member.Name}' requires API '{api}' but no listed library provides it";
        return candidates.Count == 0
            ? prefix + "; no selectable library in the catalog provides it either"
            : prefix + "; add one of: " + string.Join(", ", candidates);
    }
}
