using System.Collections.Generic;
using Unikraft.Build.Options;

namespace Unikraft.Build.Catalog;

/// <summary>One library.yaml, validated. Paths are absolute except <see cref="YamlPath"/>,
/// which stays as it was formed from the --root argument so errors read the way the user typed it.</summary>
public sealed class LibraryDefinition
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required LibraryKind Kind { get; init; }

    public required IReadOnlyList<NameReference> Provides { get; init; }

    public required IReadOnlyList<NameReference> Requires { get; init; }

    public required IReadOnlyList<ApiDefinition> Apis { get; init; }

    public InitCall? Init { get; init; }

    public string? OptionsClass { get; init; }

    public required IReadOnlyList<OptionDefinition> Options { get; init; }

    public required IReadOnlyList<string> Nasm { get; init; }

    public string? LinkerScript { get; init; }

    public required string Directory { get; init; }

    public required string ProjectPath { get; init; }

    public required string YamlPath { get; init; }

    public OptionDefinition? FindOption(string name)
    {
        foreach (var option in Options)
        {
            if (option.Name == name)
            {
                return option;
            }
        }

        return null;
    }

    public bool ProvidesApi(string api)
    {
        foreach (var provided in Provides)
        {
            if (provided.Name == api)
            {
                return true;
            }
        }

        return false;
    }
}
