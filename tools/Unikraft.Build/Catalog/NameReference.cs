namespace Unikraft.Build.Catalog;

/// <summary>A name written in a YAML file, with the line it was written on.</summary>
public sealed record NameReference(string Name, int Line);
