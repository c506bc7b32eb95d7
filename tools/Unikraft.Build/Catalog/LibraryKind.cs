namespace Unikraft.Build.Catalog;

public enum LibraryKind
{
    /// <summary>Selected by an application through its manifest's <c>libraries</c>.</summary>
    Library,

    /// <summary>Selected through the manifest's <c>platform</c>; brings boot code and a linker script.</summary>
    Platform,

    /// <summary>Always part of every image.</summary>
    Core,
}
