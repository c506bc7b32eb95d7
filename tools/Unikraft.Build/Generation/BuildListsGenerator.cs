using System.Text;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Generation;

/// <summary>The plain-text lists MSBuild reads with ReadLinesFromFile: which library projects
/// to reference and which platform files to assemble and link with.</summary>
public static class BuildListsGenerator
{
    public static string Libraries(ResolvedImage image)
    {
        var text = new StringBuilder();
        foreach (var library in image.Libraries)
        {
            text.Append(library.ProjectPath).Append('\n');
        }

        return text.ToString();
    }

    public static string Platform(ResolvedImage image)
    {
        var platform = image.Platform;
        var text = new StringBuilder();
        text.Append("dir=").Append(platform.Directory).Append('\n');
        text.Append("linker-script=").Append(platform.LinkerScript).Append('\n');
        foreach (var nasm in platform.Nasm)
        {
            text.Append("nasm=").Append(nasm).Append('\n');
        }

        return text.ToString();
    }
}
