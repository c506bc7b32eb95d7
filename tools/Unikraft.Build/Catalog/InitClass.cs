namespace Unikraft.Build.Catalog;

/// <summary>Mirrors the kernel's <c>Uk.Core.InitClass</c>; the member names are emitted verbatim.</summary>
public enum InitClass
{
    Early,
    Plat,
    Lib,
    Sys,
    Late,
}
