using System.Xml.Linq;
using Unikraft.Build.Resolution;

namespace Unikraft.Build.Generation;

/// <summary>image.props: what `dotnet run` needs of the resolved image (memory, kernel command
/// line) as MSBuild properties. `dotnet run` reads them when it asks for the run command, a
/// step that runs no build tasks.</summary>
public static class ImagePropsGenerator
{
    public static string Generate(ResolvedImage image)
    {
        long mebibyte = 1024 * 1024;
        var document = new XElement("Project",
            new XComment(" Written by the image build from unikernel.yaml; do not edit. "),
            new XElement("PropertyGroup",
                new XElement("UkImageMemoryMiB", (image.Manifest.Memory + mebibyte - 1) / mebibyte),
                new XElement("UkImageCommandLine", image.Manifest.Cmdline)));
        return document.ToString().Replace("\r\n", "\n") + "\n";
    }
}
