namespace Unikraft.Build.Catalog;

public enum ApiCardinality
{
    /// <summary>At most one provider per image (e.g. the memory allocator).</summary>
    One,

    /// <summary>Any number of providers may coexist (e.g. consoles).</summary>
    Many,
}
