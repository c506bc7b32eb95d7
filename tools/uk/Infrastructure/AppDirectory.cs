using System.Text.Json;

namespace Unikraft.Cli.Infrastructure;

// An application folder and where its build puts things.
public sealed record AppDirectory(string Path)
{
    private Repository? _repository;

    // The library tree the app builds with, found when first needed: an app on the SDK has one
    // only once restored, and building it needs none.
    public Repository Repository => _repository ??= Repository.Find(Path);

    public string Manifest => System.IO.Path.Combine(Path, "unikernel.yaml");

    public string Name => System.IO.Path.GetFileName(Path);

    public string Project =>
        Directory.GetFiles(Path, "*.csproj").OrderBy(p => p).FirstOrDefault()
        ?? throw new UkException($"no .csproj in {Path}. Create one: <Project Sdk=\"Microsoft.NET.Sdk\" /> (or start over with uk new).");

    // Images on .NET's own base class library (the dotnet library) build under bin/dotnet/ and
    // obj/dotnet/; the folders of the flavour built last are the image's.
    public string OutputDirectory(string configuration) =>
        IsDotnetFlavour(configuration) ? System.IO.Path.Combine(Path, "bin", "dotnet", configuration) : System.IO.Path.Combine(Path, "bin", configuration);

    public string UkDirectory(string configuration) =>
        IsDotnetFlavour(configuration) ? System.IO.Path.Combine(Path, "obj", "dotnet", configuration, "uk") : System.IO.Path.Combine(Path, "obj", configuration, "uk");

    private bool IsDotnetFlavour(string configuration) =>
        File.GetLastWriteTimeUtc(System.IO.Path.Combine(Path, "obj", "dotnet", configuration, "uk", "image.json"))
        > File.GetLastWriteTimeUtc(System.IO.Path.Combine(Path, "obj", configuration, "uk", "image.json"));

    public ImageInfo ReadImageInfo(string configuration)
    {
        string file = System.IO.Path.Combine(UkDirectory(configuration), "image.json");
        if (!File.Exists(file))
            throw new UkException($"{file} is missing: build first (uk build {Path}).");
        return JsonSerializer.Deserialize<ImageInfo>(File.ReadAllText(file), ImageInfo.JsonOptions)
            ?? throw new UkException($"{file}: not a valid image description; rebuild (uk build).");
    }

    public string Elf(ImageInfo image, string configuration) => System.IO.Path.Combine(OutputDirectory(configuration), image.Name + ".elf");
    public string Iso(ImageInfo image, string configuration) => System.IO.Path.Combine(OutputDirectory(configuration), image.Name + ".iso");
    public string DebugElf(ImageInfo image, string configuration) => System.IO.Path.Combine(UkDirectory(configuration), image.Name + ".debug.elf");
}
