using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Manifest;

namespace Unikraft.Build.Resolution;

/// <summary>Resolves a manifest against the catalog: selects the image's libraries, checks
/// APIs and dependencies, types the options and orders the libraries for initialization.</summary>
public static class Resolver
{
    /// <summary>Returns null when the manifest cannot be resolved; every reason is in
    /// <paramref name="diagnostics"/>, reported against the manifest's path.</summary>
    public static ResolvedImage? Resolve(AppManifest manifest, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Items.Count;
        var platform = SelectPlatform(manifest, catalog, diagnostics);
        var listed = SelectListed(manifest, catalog, diagnostics);

        var core = new List<ImageMember>();
        foreach (var library in catalog.OfKind(LibraryKind.Core))
        {
            core.Add(new ImageMember(library, 1));
        }

        var image = new List<ImageMember>(core);
        if (platform is not null)
        {
            image.Add(platform);
        }

        image.AddRange(listed);
        DependencyChecker.CheckExclusiveApis(manifest.Path, image, catalog, diagnostics);

        // Without the platform, everything it would have provided looks missing; those
        // reports would only bury the real error.
        if (platform is not null)
        {
            DependencyChecker.CheckRequirements(manifest.Path, image, platform.Library, catalog, diagnostics);
        }

        var options = OptionResolver.Resolve(manifest, image, catalog, diagnostics);
        var ordered = new List<LibraryDefinition>();
        foreach (var group in new[] { core, platform is null ? new List<ImageMember>() : new List<ImageMember> { platform }, listed })
        {
            foreach (var member in DependencyOrder.Sort(manifest.Path, group, image, catalog, diagnostics))
            {
                ordered.Add(member.Library);
            }
        }

        if (diagnostics.Items.Count != before || platform is null)
        {
            return null;
        }

        return new ResolvedImage
        {
            Manifest = manifest,
            Platform = platform.Library,
            Libraries = ordered,
            Options = OptionResolver.InImageOrder(ordered, options),
        };
    }

    private static ImageMember? SelectPlatform(AppManifest manifest, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var reference = manifest.Platform;
        var platforms = new List<string>();
        foreach (var library in catalog.OfKind(LibraryKind.Platform))
        {
            platforms.Add(library.Name);
        }

        var available = platforms.Count == 0 ? "the catalog has no platforms" : "available platforms: " + string.Join(", ", platforms);
        var platform = catalog.Find(reference.Name);
        if (platform is null)
        {
            diagnostics.Add(manifest.Path, reference.Line,
                $"unknown platform '{reference.Name}'{NameHints.DidYouMean(reference.Name, platforms)}; {available}");
            return null;
        }

        if (platform.Kind != LibraryKind.Platform)
        {
            diagnostics.Add(manifest.Path, reference.Line,
                $"'{reference.Name}' is not a platform but a {KindName(platform.Kind)}; {available}");
            return null;
        }

        return new ImageMember(platform, reference.Line);
    }

    private static List<ImageMember> SelectListed(AppManifest manifest, LibraryCatalog catalog, DiagnosticBag diagnostics)
    {
        var selectable = new List<string>();
        foreach (var library in catalog.OfKind(LibraryKind.Library))
        {
            selectable.Add(library.Name);
        }

        var firstLine = new Dictionary<string, int>();
        var result = new List<ImageMember>();
        foreach (var reference in manifest.Libraries)
        {
            if (firstLine.TryGetValue(reference.Name, out var line))
            {
                diagnostics.Add(manifest.Path, reference.Line, $"library '{reference.Name}' is listed twice (first at line {line})");
                continue;
            }

            firstLine.Add(reference.Name, reference.Line);
            var library = catalog.Find(reference.Name);
            if (library is null)
            {
                diagnostics.Add(manifest.Path, reference.Line,
                    $"unknown library '{reference.Name}'{NameHints.DidYouMean(reference.Name, selectable)}");
            }
            else if (library.Kind == LibraryKind.Platform)
            {
                diagnostics.Add(manifest.Path, reference.Line,
                    $"'{reference.Name}' is a platform; select it with 'platform: {reference.Name}' instead of listing it in libraries");
            }
            else if (library.Kind == LibraryKind.Core)
            {
                diagnostics.Add(manifest.Path, reference.Line,
                    $"'{reference.Name}' is a core library, which every image includes; remove it from libraries");
            }
            else
            {
                result.Add(new ImageMember(library, reference.Line));
            }
        }

        return result;
    }

    internal static string KindName(LibraryKind kind) => kind switch
    {
        LibraryKind.Core => "core library",
        LibraryKind.Platform => "platform",
        _ => "library",
    };
}
