using System.Collections.Generic;
using System.IO;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Generation;

/// <summary>The full set of files <c>resolve</c> produces for one image.</summary>
public static class ImageOutputs
{
    public const string CompositionFile = "Composition.g.cs";
    public const string LibrariesFile = "libraries.txt";
    public const string PlatformFile = "platform.txt";
    public const string ImageJsonFile = "image.json";
    public const string ImagePropsFile = "image.props";

    public static Dictionary<string, string> Generate(ResolvedImage image, string manifestDisplayPath) => new()
    {
        [CompositionFile] = CompositionGenerator.Generate(image, manifestDisplayPath),
        [LibrariesFile] = BuildListsGenerator.Libraries(image),
        [PlatformFile] = BuildListsGenerator.Platform(image),
        [ImageJsonFile] = ImageJsonGenerator.Generate(image),
        [ImagePropsFile] = ImagePropsGenerator.Generate(image),
    };

    /// <returns>The names of the files whose content changed.</returns>
    public static List<string> Write(string outDirectory, Dictionary<string, string> files)
    {
        Directory.CreateDirectory(outDirectory);
        var changed = new List<string>();
        foreach (var (name, content) in files)
        {
            if (OutputWriter.WriteIfChanged(Path.Combine(outDirectory, name), content))
            {
                changed.Add(name);
            }
        }

        return changed;
    }

    /// <summary>The manifest path relative to the repository root with '/' separators, so
    /// generated headers are the same on every machine and checkout location.</summary>
    public static string DisplayPath(string manifestPath, string root)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(manifestPath));
        if (relative.StartsWith("..", System.StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return manifestPath.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }
}
