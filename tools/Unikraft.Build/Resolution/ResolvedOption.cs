using Unikraft.Build.Catalog;
using Unikraft.Build.Options;

namespace Unikraft.Build.Resolution;

/// <summary>An option's final value: the manifest's setting, or the library's default.</summary>
public sealed record ResolvedOption(LibraryDefinition Library, OptionDefinition Definition, OptionValue Value, bool IsConfigured)
{
    public string QualifiedName => Library.Name + "." + Definition.Name;
}
