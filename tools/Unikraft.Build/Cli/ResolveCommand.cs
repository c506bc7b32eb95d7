using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Diagnostics;
using Unikraft.Build.Generation;
using Unikraft.Build.Manifest;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Cli;

/// <summary><c>resolve</c>: manifest + catalog → generated files in the output directory.</summary>
public static class ResolveCommand
{
    public static int Run(string manifestPath, string root, string outDirectory, IBuildLog log) =>
        Resolve(manifestPath, root, [], outDirectory, log) is null ? 1 : 0;

    /// <returns>The resolved image, or null when the manifest or the catalog has errors (each
    /// one reported to <paramref name="log"/> at its file and line).</returns>
    public static ResolvedImage? Resolve(string manifestPath, string root, IReadOnlyList<string> externalLibraries, string outDirectory, IBuildLog log)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = CatalogLoader.Load(root, externalLibraries, diagnostics);
        var catalogIsValid = !diagnostics.HasErrors;
        var manifest = ManifestLoader.Load(manifestPath, diagnostics);

        // A broken catalog would make the manifest's libraries look unknown or unmet; the
        // library.yaml errors are the ones worth reading then.
        var image = manifest is not null && catalogIsValid ? Resolver.Resolve(manifest, catalog, diagnostics) : null;
        if (diagnostics.HasErrors || image is null)
        {
            DiagnosticPrinter.Print(diagnostics, log);
            return null;
        }

        var files = ImageOutputs.Generate(image, ImageOutputs.DisplayPath(manifestPath, root));
        var changed = ImageOutputs.Write(outDirectory, files);
        log.Message(
            $"Unikraft.Build: {image.Manifest.Name}: {image.Libraries.Count} libraries; "
            + (changed.Count == 0 ? "outputs up to date" : "updated " + string.Join(", ", changed)));
        return image;
    }
}
