using Unikraft.Build.Catalog;

namespace Unikraft.Build.Resolution;

/// <summary>A library in the image and the manifest line that brought it in (the platform
/// line for the platform, line 1 for core libraries, which no line names).</summary>
public sealed record ImageMember(LibraryDefinition Library, int Line)
{
    public string Name => Library.Name;

    /// <summary>Where the library came from, for messages that name two libraries.</summary>
    public string Origin => Library.Kind switch
    {
        LibraryKind.Core => "core library",
        LibraryKind.Platform => $"platform, line {Line}",
        _ => $"line {Line}",
    };
}
