namespace Unikraft.Build.Catalog;

public sealed record ApiDefinition(string Name, ApiCardinality Cardinality, string DefinedBy, int Line);
