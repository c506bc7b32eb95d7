using System.Collections.Generic;
using Unikraft.Build.Catalog;

namespace Unikraft.Build.Manifest;

/// <summary>An application's unikernel.yaml, checked for shape but not yet against the catalog.</summary>
public sealed class AppManifest
{
    /// <summary>Guest memory when the manifest does not say; enough for the small images this builds.</summary>
    public const long DefaultMemory = 64L * 1024 * 1024;

    /// <summary>The path as given on the command line; every error about this manifest uses it.</summary>
    public required string Path { get; init; }

    public required string Name { get; init; }

    public required NameReference Platform { get; init; }

    public required IReadOnlyList<NameReference> Libraries { get; init; }

    public required IReadOnlyList<ManifestOption> Options { get; init; }

    public required long Memory { get; init; }

    public required string Cmdline { get; init; }

    /// <summary>The <c>env:</c> map in the manifest's order; empty when there is none.</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; init; } = [];
}
