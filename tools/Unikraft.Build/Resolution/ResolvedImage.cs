using System.Collections.Generic;
using Unikraft.Build.Catalog;
using Unikraft.Build.Manifest;

namespace Unikraft.Build.Resolution;

/// <summary>The outcome of resolving a manifest: what goes into the image, in init order.</summary>
public sealed class ResolvedImage
{
    public required AppManifest Manifest { get; init; }

    public required LibraryDefinition Platform { get; init; }

    /// <summary>Core libraries, then the platform, then the listed libraries in dependency order.</summary>
    public required IReadOnlyList<LibraryDefinition> Libraries { get; init; }

    /// <summary>Every option of every library in the image, in library order then declaration order.</summary>
    public required IReadOnlyList<ResolvedOption> Options { get; init; }
}
